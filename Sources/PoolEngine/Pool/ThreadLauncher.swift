import CPoolSupport

/// Starts detached OS threads that run a Swift closure: the pool's own threads, never the global
/// dispatch queue or the Swift concurrency pool (blocking work there runs at a few percent).
public enum ThreadLauncher {
    private final class Box: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts a thread with a stack of `stackBytes` running `body`; returns false (and does not run
    /// `body`) when the system refuses another thread.
    public static func start(stackBytes: Int = 512 * 1024, _ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Box(body))
        let rc = pooltop_thread_start({ raw in
            guard let raw else { return }
            let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
            box.body()
        }, box.toOpaque(), UInt64(stackBytes))
        if rc != 0 {
            box.release()
            return false
        }
        return true
    }
}
