import PoolCore

/// Unbounded mode: no pool, one new thread per task, under a hard safety ceiling (the screen names
/// it when it is reached): what the pool protects you from.
enum UnboundedExecutor: Executor {
    static var mode: PoolMode { .unbounded }
    /// It keeps no pool workers.
    static var workerRole: PoolState.Occupant.Role? { nil }
    /// Each task has a thread of its own: there is nothing to batch.
    static var batchesTinyTasks: Bool { false }
    static var emulatesInterpreterLock: Bool { true }
    static var workersStartLater: Bool { false }

    static func mayStartTask(in state: PoolState) -> Bool {
        state.perTaskThreads < state.configuration.ceiling
    }

    static func isAvailable(in pool: WorkerPool) -> Bool { true }

    /// Never asked: `balanceWorkers` claims no slot for a mode without pool workers.
    static func startWorker(in slot: Int, of pool: WorkerPool) -> Bool { false }

    static func dispatchQueued(in state: inout PoolState) -> [TaskLaunch] {
        state.takeForTaskThreads()
    }
}

extension WorkerPool {
    /// Stack size of a per-task thread in unbounded mode, small so thousands fit.
    static let perTaskStackBytes = 256 * 1024

    /// Starts one thread per task (taken by `PoolState.dispatchQueued`); a task whose thread the
    /// system refuses goes back to the queue. When a thread ends, it takes the next queued tasks.
    func startTaskThreads(_ launches: [TaskLaunch]) {
        for launch in launches {
            slots.set(launch.slot, .starting, tag: launch.job.tag)
            let started = ThreadLauncher.start(stackBytes: Self.perTaskStackBytes) { [self] in
                let record = execute(launch.job, slot: launch.slot, startedAt: launch.startedAt, settings: launch.settings)
                launch.job.onFinish?(record.outcome)
                let more = queueLock.withLock {
                    state.taskThreadEnded(record, in: launch.slot)
                    // Emptied with the end booked, under the lock: until then the slot shows the
                    // task its thread still holds (a snapshot never counts a running task no slot
                    // shows), and a launch that reuses the slot sets it after this.
                    slots.set(launch.slot, .empty)
                    let more = state.dispatchQueued()
                    queueLock.broadcast(.change)
                    return more
                }
                startTaskThreads(more)
            }
            if !started {
                queueLock.withLock { state.taskThreadRefused(launch, now: MonotonicClock.now()) }
                slots.set(launch.slot, .empty)
            }
        }
    }
}
