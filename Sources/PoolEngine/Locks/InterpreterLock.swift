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
    /// Written by the holder only: the lock passes from holder to holder through `state`'s mutex.
    private let meter = LockMeter.allocate()

    public init() {}

    deinit { meter.deallocate() }

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
            meter.waiterArrived()
            parker.park()
            meter.waiterLeft()
        }
        defer { release() }
        return try meter.holding(since: start, contended: parker != nil, body)
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
    public var stats: LockStats { meter.stats(waiters: meter.countedWaiters) }

    /// Sets every statistic but the current waiters back to zero (without taking the lock, which a
    /// CPU-bound holder keeps for a switch interval; a holder's figures may survive the reset).
    public func resetStatistics() {
        meter.reset()
    }
}

// The meter's words are atomics written by the holder; `state` is behind its mutex.
extension InterpreterLock: @unchecked Sendable {}
