import Glibc

/// A value behind a pthread mutex, changed only inside `withLock`.
///
/// pooltop's engine and workload share state between their own threads this way rather than with
/// `Synchronization.Mutex`: on Linux that one is built on raw futexes, which ThreadSanitizer cannot
/// see, so every access it guards would be reported as a race and the sanitizer run would be
/// useless. ThreadSanitizer intercepts pthread mutexes, so it checks what this one guards.
public final class LockedValue<Value> {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value  // protected by mutex

    /// Wraps `value`.
    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` on the value with the mutex held and returns what it returns.
    @inline(__always)
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

// `value` is only reached through `withLock`, under the mutex.
extension LockedValue: @unchecked Sendable where Value: Sendable {}
