import Glibc

/// A reusable one-shot signal between two threads the bench owns: one `wait()`s until another
/// `fire()`s, then `reset()` arms it again.
final class BenchSignal {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var fired = false  // protected by mutex

    /// An unfired signal.
    init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Lets the waiter go (now, or as soon as it waits).
    func fire() {
        pthread_mutex_lock(mutex)
        fired = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Blocks until `fire()` has been called since the last `reset()`.
    func wait() {
        pthread_mutex_lock(mutex)
        while !fired { pthread_cond_wait(condition, mutex) }
        pthread_mutex_unlock(mutex)
    }

    /// Arms the signal again.
    func reset() {
        pthread_mutex_lock(mutex)
        fired = false
        pthread_mutex_unlock(mutex)
    }
}

// `fired` is guarded by the pthread mutex; the pthread objects live at stable heap addresses.
extension BenchSignal: @unchecked Sendable {}
