import Synchronization
import Glibc

/// A one-shot wake-up for one blocked thread: `park()` returns once `unpark()` has been called.
final class Parker {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var signalled = false  // protected by mutex

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Blocks until `unpark()` is (or was) called.
    func park() {
        pthread_mutex_lock(&mutex)
        while !signalled { pthread_cond_wait(&condition, &mutex) }
        pthread_mutex_unlock(&mutex)
    }

    /// Lets the parked thread go.
    func unpark() {
        pthread_mutex_lock(&mutex)
        signalled = true
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }
}

// `signalled` is guarded by the pthread mutex.
extension Parker: @unchecked Sendable {}
