import Glibc
import PoolCore
import PoolEngine

/// A child process reaped on a thread of its own as soon as it ends, so that how it ended can be
/// asked at any moment and waited for (a watched program, the Celery bridge).
final class ReapedChild: Sendable {
    /// The child's process id.
    let pid: pid_t
    private let ended = LockedValue<ChildExit?>(nil)

    /// Starts reaping `pid`; `onExit` runs on the reaping thread once the child has ended.
    init(pid: pid_t, onExit: @escaping @Sendable (ChildExit) -> Void) {
        self.pid = pid
        let ended = ended
        _ = ThreadLauncher.start(stackBytes: 128 * 1024) {
            let exit = Subprocess.reap(pid)
            ended.withLock { $0 = exit }
            onExit(exit)
        }
    }

    /// How the child ended, once it has.
    var exit: ChildExit? { ended.withLock { $0 } }

    /// Waits until the child has ended or `deadline` (monotonic nanoseconds) has passed; true if
    /// it has ended.
    @discardableResult
    func waitForExit(until deadline: UInt64 = .max) -> Bool {
        while exit == nil {
            if MonotonicClock.now() >= deadline { return false }
            MonotonicClock.sleep(until: min(deadline, MonotonicClock.now() &+ 5_000_000))
        }
        return true
    }
}
