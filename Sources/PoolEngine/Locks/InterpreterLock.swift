import DequeModule
import PoolCore
import Synchronization

/// An emulation of CPython's global interpreter lock for thread mode.
///
/// CPU work holds it and offers it to the next waiter every switch interval; I/O runs without it.
/// Hand-over is first come, first served (like CPython's forced switching since 3.2): a thread that
/// releases while others wait goes to the back of the line, so the holder cannot take it straight
/// back. With it on, at most one thread burns CPU at any instant.
public final class InterpreterLock {
    private struct State {
        var held = false
        var waiters = Deque<Parker>()
    }

    private let state = LockedValue(State())
    private let acquisitions = Atomic<Int>(0)
    private let contended = Atomic<Int>(0)
    private let waitTotal = Atomic<UInt64>(0)
    private let waitMax = Atomic<UInt64>(0)
    private let holdTotal = Atomic<UInt64>(0)
    private let waiting = Atomic<Int>(0)

    public init() {}

    /// Runs `body` holding the interpreter lock.
    public func withLock<R>(_ body: () throws -> R) rethrows -> R {
        let start = MonotonicClock.now()
        let parker: Parker? = state.withLock { state in
            guard state.held else {
                state.held = true
                return nil
            }
            let parker = Parker()
            state.waiters.append(parker)
            return parker
        }
        if let parker {
            waiting.add(1, ordering: .relaxed)
            parker.park()
            waiting.subtract(1, ordering: .relaxed)
        }
        let acquired = MonotonicClock.now()
        acquisitions.add(1, ordering: .relaxed)
        if parker != nil {
            let waited = acquired &- start
            contended.add(1, ordering: .relaxed)
            waitTotal.add(waited, ordering: .relaxed)
            var current = waitMax.load(ordering: .relaxed)
            while waited > current {
                let (exchanged, original) = waitMax.compareExchange(expected: current, desired: waited, ordering: .relaxed)
                if exchanged { break }
                current = original
            }
        }
        defer {
            holdTotal.add(MonotonicClock.now() &- acquired, ordering: .relaxed)
            release()
        }
        return try body()
    }

    /// Hands the lock to the longest waiter, or frees it.
    private func release() {
        let next: Parker? = state.withLock { state in
            if let next = state.waiters.popFirst() { return next }
            state.held = false
            return nil
        }
        next?.unpark()
    }

    /// The statistics as of now.
    public var stats: LockStats {
        LockStats(
            acquisitions: acquisitions.load(ordering: .relaxed),
            contended: contended.load(ordering: .relaxed),
            waitNanosTotal: waitTotal.load(ordering: .relaxed),
            waitNanosMax: waitMax.load(ordering: .relaxed),
            holdNanosTotal: holdTotal.load(ordering: .relaxed),
            waiters: max(0, waiting.load(ordering: .relaxed))
        )
    }

    /// Sets every statistic but the current waiters back to zero.
    public func resetStatistics() {
        acquisitions.store(0, ordering: .relaxed)
        contended.store(0, ordering: .relaxed)
        waitTotal.store(0, ordering: .relaxed)
        waitMax.store(0, ordering: .relaxed)
        holdTotal.store(0, ordering: .relaxed)
    }
}

extension InterpreterLock: Sendable {}
