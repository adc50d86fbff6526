import PoolCore

/// Process mode: real child processes (`pooltop-worker`), each owned and fed over pipes by one
/// pool thread (`WorkerPool.processWorkerLoop`) — or, while the queue is deep, by the one
/// dispatcher thread (`WorkerPool.dispatchLoop`) — with the shared lock and counter in shared memory.
enum ProcessExecutor: Executor {
    static var mode: PoolMode { .processes }
    static var workerRole: PoolState.Occupant.Role? { .process }
    /// Several tiny tasks go to a worker process in one frame instead of a pipe round trip each.
    static var batchesTinyTasks: Bool { true }
    /// Each worker process has its own interpreter.
    static var emulatesInterpreterLock: Bool { false }
    /// A worker process is up once it is spawned and has said it is ready.
    static var workersStartLater: Bool { true }

    /// Needs the shared region, which the pool makes at start-up.
    static func isAvailable(in pool: WorkerPool) -> Bool { pool.processes != nil }

    static func startWorker(in slot: Int, of pool: WorkerPool) -> Bool {
        pool.processes?.region.setSlot(slot, .starting)
        return ThreadLauncher.start(stackBytes: WorkerPool.workerStackBytes) { pool.processWorkerLoop(slot: slot) }
    }

    /// The slot word the worker process writes in the shared region; a slot whose process died a
    /// moment ago shows `crashed` even if its replacement is already starting or up.
    static func slotState(_ index: Int, retiring: Bool, crashedAt: [Int: UInt64], now: UInt64, in pool: WorkerPool) -> SlotState {
        guard let region = pool.processes?.region else { return pool.slots.state(of: index, retiring: retiring) }
        var slot = region.slotState(index, retiring: retiring)
        if let crashed = crashedAt[index], now &- crashed < WorkerPool.crashedDisplayNanos,
           slot.phase == .starting || slot.phase == .idle {
            slot.phase = .crashed  // hold the crash on screen a moment; the replacement is quick
        }
        return slot
    }
}
