import PoolCore

/// One way of running the pool's tasks: a mode is one type (`ThreadExecutor`, `ProcessExecutor`,
/// `UnboundedExecutor`), and everything that differs between modes is answered here, so the pool
/// and its state ask the executor of the current mode instead of checking the mode.
///
/// Executors are stateless: their requirements are static, and the pool's state and threads stay in
/// `WorkerPool` and `PoolState`. Looking one up (`PoolMode.executor`) is a switch returning a
/// metatype: no allocation, a witness-table call per question.
protocol Executor {
    /// The mode this executor runs.
    static var mode: PoolMode { get }

    /// The role of the pool workers it keeps, as many as the cap, each taking task after task;
    /// nil when it keeps none and starts a thread per task instead (unbounded).
    static var workerRole: PoolState.Occupant.Role? { get }

    /// Whether one more task may start now without going over its limit (the cap for pool
    /// workers, the safety ceiling for a thread per task). Called with the queue lock held.
    static func mayStartTask(in state: PoolState) -> Bool

    /// Whether a worker may take several tiny tasks at once when the queue is deep.
    static var batchesTinyTasks: Bool { get }

    /// Whether CPU work takes the interpreter-lock emulation when it is switched on (threads share
    /// one interpreter; worker processes each have their own).
    static var emulatesInterpreterLock: Bool { get }

    /// Whether a new worker comes up some time after its thread starts (a worker process must be
    /// spawned and announce itself), so its slot counts as starting until then.
    static var workersStartLater: Bool { get }

    /// Whether `pool` can run this mode (process mode needs its shared region).
    static func isAvailable(in pool: WorkerPool) -> Bool

    /// Starts the thread of the pool worker in `slot`, claimed for it by `balanceWorkers`;
    /// false when the system refuses a thread.
    static func startWorker(in slot: Int, of pool: WorkerPool) -> Bool

    /// Takes queued tasks that start at once on threads of their own, up to the executor's limit;
    /// none for an executor with pool workers. Called with the queue lock held, after a task was
    /// queued or a thread ended; the caller starts the threads (`startTaskThreads`) after unlocking.
    static func dispatchQueued(in state: inout PoolState) -> [TaskLaunch]

    /// The state of occupied slot `index`, read without the queue lock.
    /// - Parameter crashedAt: slot index → when its worker last died (a copy taken under the lock).
    static func slotState(_ index: Int, retiring: Bool, crashedAt: [Int: UInt64], now: UInt64, in pool: WorkerPool) -> SlotState
}

/// A task taken from the queue for a thread of its own (unbounded mode).
struct TaskLaunch {
    var slot: Int
    var job: Job
    var startedAt: UInt64
    var settings: PoolConfiguration
}

extension Executor {
    /// Pool workers: while fewer tasks run than the cap.
    static func mayStartTask(in state: PoolState) -> Bool {
        state.totals.running < state.configuration.cap
    }

    static func dispatchQueued(in state: inout PoolState) -> [TaskLaunch] { [] }

    static func slotState(_ index: Int, retiring: Bool, crashedAt: [Int: UInt64], now: UInt64, in pool: WorkerPool) -> SlotState {
        pool.slots.state(of: index, retiring: retiring)
    }
}

extension PoolMode {
    /// The executor that runs this mode.
    var executor: any Executor.Type {
        switch self {
        case .threads: return ThreadExecutor.self
        case .processes: return ProcessExecutor.self
        case .unbounded: return UnboundedExecutor.self
        }
    }
}

extension PoolState.Occupant.Role {
    /// The executor whose thread this is (a slot keeps its executor's role after a mode switch,
    /// until its thread leaves).
    var executor: any Executor.Type {
        switch self {
        case .worker: return ThreadExecutor.self
        case .process: return ProcessExecutor.self
        case .perTask: return UnboundedExecutor.self
        }
    }
}
