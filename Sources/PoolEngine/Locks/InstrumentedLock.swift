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
    private let meter = LockMeter.allocate()

    public init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        meter.deallocate()
    }

    /// Runs `body` holding the lock and records how long it waited and held it.
    public func withLock<R>(_ body: () throws -> R) rethrows -> R {
        let start = MonotonicClock.now()
        var wasContended = false
        if pthread_mutex_trylock(mutex) != 0 {
            wasContended = true
            meter.waiterArrived()
            pthread_mutex_lock(mutex)
            meter.waiterLeft()
        }
        defer { pthread_mutex_unlock(mutex) }
        return try meter.holding(since: start, contended: wasContended, body)
    }

    /// The statistics as of now.
    public var stats: LockStats { meter.stats(waiters: meter.countedWaiters) }

    /// Sets every statistic but the current waiters back to zero.
    public func resetStatistics() {
        withLock { meter.reset() }
    }
}

// The statistics are atomics written while `mutex` is held; the pthread mutex is the lock.
extension InstrumentedLock: @unchecked Sendable {}
