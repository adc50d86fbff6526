import Glibc

/// One more condition variable for a `ConditionLock`'s mutex, for a waiter that only one event
/// concerns — a process-mode pool thread waiting for the dispatcher to hand its slot back — so
/// that waking it does not wake every other waiter, as a broadcast on the lock's own conditions
/// would.
final class LockCondition {
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
        condition = .allocate(capacity: 1)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
    }

    /// Waits for a signal; `lock` must be held, and is held again on return.
    func wait(with lock: ConditionLock) { pthread_cond_wait(condition, lock.mutex) }

    /// Wakes the waiter (the caller holds the lock the waiter waits with).
    func signal() { pthread_cond_signal(condition) }
}

// The pthread condition is the synchronisation; it lives at a stable heap address.
extension LockCondition: @unchecked Sendable {}
