import PoolCore

/// Thread mode: a fixed set of OS threads, as many as the cap, each taking task after task from
/// the queue (`WorkerPool.workerLoop`).
enum ThreadExecutor: Executor {
    static var mode: PoolMode { .threads }
    static var workerRole: PoolState.Occupant.Role? { .worker }
    static var batchesTinyTasks: Bool { true }
    /// Threads share one (emulated) interpreter.
    static var emulatesInterpreterLock: Bool { true }
    static var workersStartLater: Bool { false }

    static func isAvailable(in pool: WorkerPool) -> Bool { true }

    static func startWorker(in slot: Int, of pool: WorkerPool) -> Bool {
        pool.slots.set(slot, .starting)
        return ThreadLauncher.start(stackBytes: WorkerPool.workerStackBytes) { pool.workerLoop(slot: slot) }
    }
}
