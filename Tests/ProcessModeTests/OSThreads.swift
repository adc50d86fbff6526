@testable import PoolEngine

/// Runs blocking work on real OS threads (never the Swift concurrency pool, which has one thread
/// per core and would serialise blocking children).
enum OSThreads {
    /// Runs `body(index)` for every index in `0..<count`, each on its own thread, and waits for all.
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let parkers = (0..<count).map { _ in Parker() }
        for index in 0..<count {
            let parker = parkers[index]
            let started = ThreadLauncher.start {
                body(index)
                parker.unpark()
            }
            precondition(started, "could not start a test thread")
        }
        for parker in parkers { parker.park() }
    }

    /// Starts `body` on its own thread and returns a parker that is let go when it has finished.
    static func start(_ body: @escaping @Sendable () -> Void) -> Parker {
        let parker = Parker()
        let started = ThreadLauncher.start {
            body()
            parker.unpark()
        }
        precondition(started, "could not start a test thread")
        return parker
    }
}
