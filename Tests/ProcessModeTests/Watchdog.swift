import Glibc
import PoolEngine
import Synchronization

/// Bounds a blocking call on a child: unless cancelled within `seconds`, it SIGKILLs the child,
/// which makes the blocked `run` throw, so a wedged test fails instead of hanging.
final class Watchdog: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let fired = Atomic<Bool>(false)

    /// Starts watching `child`.
    init(_ child: ChildWorker, seconds: Double) {
        let deadline = MonotonicClock.now() &+ UInt64(seconds * 1e9)
        _ = OSThreads.start { [self] in
            while MonotonicClock.now() < deadline {
                if cancelled.load(ordering: .acquiring) { return }
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 2_000_000)
            }
            if !cancelled.load(ordering: .acquiring) {
                fired.store(true, ordering: .releasing)
                child.kill(SIGKILL)
            }
        }
    }

    /// Stops watching; returns true if the deadline had already passed and the child was killed.
    @discardableResult
    func cancel() -> Bool {
        cancelled.store(true, ordering: .releasing)
        return fired.load(ordering: .acquiring)
    }
}
