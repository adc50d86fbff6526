import Glibc

/// A wake-up from one thread to another: `signal()` lets the next `wait` return (or the one
/// waiting now), and each wait consumes it. Waits may have a timeout on CLOCK_MONOTONIC.
public final class WakeSignal {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var signalled = false  // protected by mutex

    /// A signal not yet given.
    public init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Lets the waiter go, now or at its next wait.
    public func signal() {
        pthread_mutex_lock(mutex)
        signalled = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Blocks until signalled, and consumes the signal.
    public func wait() {
        pthread_mutex_lock(mutex)
        while !signalled { pthread_cond_wait(condition, mutex) }
        signalled = false
        pthread_mutex_unlock(mutex)
    }

    /// Blocks until signalled or until `timeoutNanos` have passed; consumes the signal.
    /// - Returns: true when signalled.
    @discardableResult
    public func wait(timeoutNanos: UInt64) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let total = UInt64(now.tv_nsec) + timeoutNanos % 1_000_000_000
        var deadline = timespec(tv_sec: now.tv_sec + Int(timeoutNanos / 1_000_000_000) + Int(total / 1_000_000_000),
                                tv_nsec: Int(total % 1_000_000_000))
        pthread_mutex_lock(mutex)
        while !signalled {
            if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { break }
        }
        let was = signalled
        signalled = false
        pthread_mutex_unlock(mutex)
        return was
    }
}

// `signalled` is guarded by the pthread mutex; the pthread objects live at stable heap addresses.
extension WakeSignal: @unchecked Sendable {}
