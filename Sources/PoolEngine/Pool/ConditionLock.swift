import Glibc

/// A pthread mutex with two condition variables, for the pool's queue: workers wait on `.work`,
/// `join` and `waitUntilIdle` wait on `.change`.
///
/// Swift's `Mutex` has no condition variable, and the pool needs one that waits *inside* the
/// critical section, as swift-nio's `ConditionLock` does. Two conditions keep a `signal` meant for
/// a worker from waking a joiner instead.
final class ConditionLock {
    /// Which condition to wait on or signal.
    enum Condition: Int {
        /// Work arrived or the cap grew: for workers.
        case work
        /// Tasks ended, threads exited: for `join` and `waitUntilIdle`.
        case change
    }

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        conditions = .allocate(capacity: 2)
        // Adaptive: a thread that finds the queue lock taken spins a little before it sleeps, since
        // the lock is only ever held for a few hundred nanoseconds.
        var mutexAttributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&mutexAttributes)
        pthread_mutexattr_settype(&mutexAttributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        pthread_mutex_init(mutex, &mutexAttributes)
        pthread_mutexattr_destroy(&mutexAttributes)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(conditions, &attributes)
        pthread_cond_init(conditions + 1, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(conditions)
        pthread_cond_destroy(conditions + 1)
        pthread_mutex_destroy(mutex)
        conditions.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    /// Waits for a signal on `condition`; the lock must be held, and is held again on return.
    func wait(on condition: Condition) { pthread_cond_wait(conditions + condition.rawValue, mutex) }

    /// Waits on `condition` until signalled or until the monotonic clock reads `deadline`.
    func wait(on condition: Condition, until deadline: UInt64) {
        var spec = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        pthread_cond_timedwait(conditions + condition.rawValue, mutex, &spec)
    }

    /// Wakes one waiter on `condition`.
    func signal(_ condition: Condition) { pthread_cond_signal(conditions + condition.rawValue) }
    /// Wakes every waiter on `condition`.
    func broadcast(_ condition: Condition) { pthread_cond_broadcast(conditions + condition.rawValue) }

    /// Runs `body` with the lock held.
    @inline(__always)
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Runs `body` with the lock released, for a caller that holds it; it is held again on return.
    @inline(__always)
    func withoutLock<R>(_ body: () throws -> R) rethrows -> R {
        unlock()
        defer { lock() }
        return try body()
    }
}

// The pthread objects are the synchronisation; they live at stable heap addresses.
extension ConditionLock: @unchecked Sendable {}
