import Glibc
import PoolCore
import Synchronization

/// Process mode's shared parts: the shared region every worker process maps, how to start a
/// worker, and the live children by slot, so that any thread can signal them (`k`, chaos kills,
/// `terminate`) while each child's pipes stay with the pool thread that owns it.
final class ProcessWorkers {
    /// The lock, counter and slot words every worker process maps.
    let region: SharedRegion
    /// How to start a worker process.
    let command: WorkerCommand
    /// The thread that feeds the workers whose pipelines are full, if epoll is available.
    let dispatcher = ProcessDispatcher()
    /// Slot index → the child that works in it; guarded by the mutex.
    private let children = LockedValue<[Int: ChildWorker]>([:])

    /// Creates the shared region for a pool that started at `origin`.
    /// - Throws: when the memory file cannot be made or mapped.
    init(command: WorkerCommand, origin: UInt64) throws(SharedRegionError) {
        region = try SharedRegion(origin: origin)
        self.command = command
        ChildWorker.prepareParent()
    }

    /// Records `child` as the worker of `slot`.
    func register(_ child: ChildWorker, in slot: Int) {
        children.withLock { $0[slot] = child }
    }

    /// Forgets the worker of `slot` (its owner has reaped it).
    func unregister(slot: Int) {
        children.withLock { $0[slot] = nil }
    }

    /// Sends `signal` to every live child; returns how many were signalled.
    @discardableResult
    func signalAll(_ signal: Int32) -> Int {
        children.withLock { children in children.values.reduce(0) { $0 + ($1.kill(signal) ? 1 : 0) } }
    }

    /// SIGKILLs one child picked at random, a busy one if any is busy.
    /// - Returns: the slot and pid of the child killed, or nil when there is none.
    func killOne<Generator: RandomNumberGenerator>(using generator: inout Generator) -> (slot: Int, pid: Int32)? {
        children.withLock { children in
            let busy = children.keys.filter { Self.isBusy(region.slotPhase($0)) }
            let pool = busy.isEmpty ? Array(children.keys) : busy
            guard let slot = pool.randomElement(using: &generator), let child = children[slot],
                  child.kill(SIGKILL) else { return nil }
            return (slot, child.pid)
        }
    }

    /// The pid of the child working in `slot`, if one is alive there.
    func pid(inSlot slot: Int) -> Int32? {
        children.withLock { $0[slot].flatMap { $0.exit == nil ? $0.pid : nil } }
    }

    /// The pids of the live children.
    var pids: [Int32] {
        children.withLock { $0.values.filter { $0.exit == nil }.map(\.pid) }
    }

    /// Whether a slot in `phase` is running a task.
    private static func isBusy(_ phase: SlotPhase) -> Bool {
        phase == .busy || phase == .waitingForLock || phase == .holdingLock
    }
}

// The region is shared memory with atomics (see `SharedRegion`); `children` is behind its mutex;
// the rest is immutable.
extension ProcessWorkers: @unchecked Sendable {}
