import Glibc
import PoolCore
import Synchronization

/// A mutex that measures itself: acquisitions, how many had to wait, wait and hold times, and
/// how many threads wait right now.
///
/// Every statistic except `waiters` is written only while the lock is held, so plain atomic
/// loads and stores suffice and the sampler can read them without taking the lock.
public final class InstrumentedLock {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let acquisitions = Atomic<Int>(0)
    private let contended = Atomic<Int>(0)
    private let waitTotal = Atomic<UInt64>(0)
    private let waitMax = Atomic<UInt64>(0)
    private let holdTotal = Atomic<UInt64>(0)
    private let waiting = Atomic<Int>(0)

    public init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` holding the lock and records how long it waited and held it.
    public func withLock<R>(_ body: () throws -> R) rethrows -> R {
        let start = MonotonicClock.now()
        var wasContended = false
        if pthread_mutex_trylock(mutex) != 0 {
            wasContended = true
            waiting.add(1, ordering: .relaxed)
            pthread_mutex_lock(mutex)
            waiting.subtract(1, ordering: .relaxed)
        }
        defer { pthread_mutex_unlock(mutex) }
        return try holding(waitedSince: start, contended: wasContended, body)
    }

    /// Called with the mutex held: records the wait, runs the body, records the hold.
    private func holding<R>(waitedSince start: UInt64, contended wasContended: Bool, _ body: () throws -> R) rethrows -> R {
        let acquired = MonotonicClock.now()
        let waited = acquired &- start
        acquisitions.store(acquisitions.load(ordering: .relaxed) + 1, ordering: .relaxed)
        if wasContended {
            contended.store(contended.load(ordering: .relaxed) + 1, ordering: .relaxed)
            waitTotal.store(waitTotal.load(ordering: .relaxed) &+ waited, ordering: .relaxed)
            if waited > waitMax.load(ordering: .relaxed) { waitMax.store(waited, ordering: .relaxed) }
        }
        defer {
            let held = MonotonicClock.now() &- acquired
            holdTotal.store(holdTotal.load(ordering: .relaxed) &+ held, ordering: .relaxed)
        }
        return try body()
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
        withLock {
            acquisitions.store(0, ordering: .relaxed)
            contended.store(0, ordering: .relaxed)
            waitTotal.store(0, ordering: .relaxed)
            waitMax.store(0, ordering: .relaxed)
            holdTotal.store(0, ordering: .relaxed)
        }
    }
}

// The statistics are atomics written while `mutex` is held; the pthread mutex is the lock.
extension InstrumentedLock: @unchecked Sendable {}
