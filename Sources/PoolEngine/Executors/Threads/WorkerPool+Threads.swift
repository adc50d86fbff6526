import CPoolSupport
import PoolCore

extension WorkerPool {
    /// The most wake-ups of waiting workers on their way at once: one per core. Each woken worker
    /// passes the wake-up on while work remains, so every idle worker is still reached, but a burst
    /// of tiny tasks is not spread over 50 threads fighting for 2 cores (measured: no-op dispatch
    /// 6 µs → 0.6 µs a task; 10 ms I/O stays at 99 % of ideal).
    static let wakeupsInFlightLimit = max(2, MonotonicClock.cores)

    /// The most tiny tasks a worker takes at once when the queue is deep (one visit to the queue
    /// lock for a worker thread, one frame to a worker process).
    static let batchLimit = 64
    /// Tasks at most this long (after the time scale) may be taken several at a time: for them a
    /// visit to the queue lock, or a pipe round trip, each would cost more than the work.
    static let batchableCostNanos: UInt64 = 100_000

    /// Stack size of a pool worker: the work kernels need little.
    static let workerStackBytes = 512 * 1024
    /// Stack size of a per-task thread in unbounded mode, small so thousands fit.
    static let perTaskStackBytes = 256 * 1024

    // MARK: - Pool workers (thread mode)

    /// Starts worker threads for the given slots (claimed under the lock by `balanceWorkers`): a
    /// worker thread in thread mode, a pool thread that starts and feeds a worker process in
    /// process mode.
    func startWorkers(in claimed: [(slot: Int, role: PoolState.Occupant.Role)]) {
        for (index, role) in claimed {
            let started: Bool
            if role == .process {
                processes?.region.setSlot(index, .starting)
                started = ThreadLauncher.start(stackBytes: Self.workerStackBytes) { [self] in processWorkerLoop(slot: index) }
            } else {
                slots.set(index, .starting)
                started = ThreadLauncher.start(stackBytes: Self.workerStackBytes) { [self] in workerLoop(slot: index) }
            }
            if !started {
                queueLock.withLock {
                    state.releaseSlot(index)
                    state.log(.settingChanged, "could not start a worker thread (system limit)", now: MonotonicClock.now())
                }
                slots.set(index, .empty)
            }
        }
    }

    /// Waits (queue lock held) for work, or until `deadline`, counted as an idle worker. On waking,
    /// passes the wake-up on: if more work is queued than this worker and those already being woken
    /// can take, it wakes the next one, so a burst ramps up without one wake-up per task.
    func waitForWork(until deadline: UInt64? = nil) {
        state.idleWorkers += 1
        if let deadline { queueLock.wait(on: .work, until: deadline) } else { queueLock.wait(on: .work) }
        state.workerWoke()
        if state.queue.count > state.wakeupsInFlight + 1, state.claimWakeup() { queueLock.signal(.work) }
    }

    /// The life of one pool worker: fetch a task under the queue lock (several tiny ones when the
    /// queue is deep, run one after another), run it without any lock, hand back the figures and
    /// fetch the next in one visit to the lock, repeat until told to exit.
    func workerLoop(slot index: Int) {
        pooltop_thread_set_name("pooltop-w\(index)")
        queueLock.lock()
        while true {
            let now = MonotonicClock.now()
            switch state.nextStep(forWorkerIn: index, now: now) {
            case .run(let job):
                let batch = state.takeBatch(after: job, now: now)
                let settings = state.configuration
                queueLock.unlock()
                var records = [execute(job, slot: index, startedAt: now, settings: settings)]
                job.onFinish?(records[0].outcome)
                for next in batch {
                    records.append(execute(next, slot: index, startedAt: MonotonicClock.now(), settings: settings))
                    next.onFinish?(records[records.count - 1].outcome)
                }
                slots.set(index, .idle)
                queueLock.lock()
                state.finish(records[0], in: index)
                for (next, record) in zip(batch, records.dropFirst()) {
                    state.finishBatched(record, enqueuedAt: next.enqueuedAt, in: index)
                }
                if state.totals.running == 0 && state.waiting == 0 { queueLock.broadcast(.change) }
            case .wait:
                slots.set(index, .idle)
                waitForWork()
            case .exit:
                state.releaseSlot(index)
                slots.set(index, .empty)
                if !state.queue.isEmpty { queueLock.signal(.work) }
                queueLock.broadcast(.change)
                queueLock.unlock()
                return
            }
        }
    }

    // MARK: - Per-task threads (unbounded mode)

    /// Takes queued tasks for new per-task threads, up to the ceiling; call with the lock held.
    /// - Returns: the tasks to start, each with its slot; the caller starts them after unlocking.
    func dispatchPerTaskThreads() -> [(slot: Int, job: Job, startedAt: UInt64, settings: PoolConfiguration)] {
        guard state.configuration.mode == .unbounded, state.lifecycle != .terminated else { return [] }
        var launches: [(slot: Int, job: Job, startedAt: UInt64, settings: PoolConfiguration)] = []
        let now = MonotonicClock.now()
        while !state.queue.isEmpty {
            guard state.perTaskThreads < state.configuration.ceiling else {
                if !state.ceilingHit {
                    state.ceilingHit = true
                    state.log(.ceilingHit, "thread ceiling \(state.configuration.ceiling) reached: tasks wait", now: now)
                }
                break
            }
            let job = state.queue.removeFirst()
            let slot = state.claimSlot(for: .perTask)
            state.perTaskThreads += 1
            state.begin(job, in: slot, now: now)
            launches.append((slot, job, now, state.configuration))
        }
        return launches
    }

    /// Starts one thread per task; a task whose thread the system refuses goes back to the queue.
    func startPerTaskThreads(_ launches: [(slot: Int, job: Job, startedAt: UInt64, settings: PoolConfiguration)]) {
        for launch in launches {
            slots.set(launch.slot, .starting, tag: launch.job.tag)
            let started = ThreadLauncher.start(stackBytes: Self.perTaskStackBytes) { [self] in
                let record = execute(launch.job, slot: launch.slot, startedAt: launch.startedAt, settings: launch.settings)
                slots.set(launch.slot, .empty)
                launch.job.onFinish?(record.outcome)
                queueLock.lock()
                state.finish(record, in: launch.slot)
                state.releaseSlot(launch.slot)
                state.perTaskThreads -= 1
                let more = dispatchPerTaskThreads()
                queueLock.broadcast(.change)
                queueLock.unlock()
                startPerTaskThreads(more)
            }
            if !started {
                queueLock.withLock {
                    state.totals.running -= 1
                    state.releaseSlot(launch.slot)
                    state.perTaskThreads -= 1
                    state.queue.prepend(launch.job)
                    state.ceilingHit = true
                    state.log(.ceilingHit, "the system refused a thread at \(state.perTaskThreads + 1): tasks wait", now: MonotonicClock.now())
                }
                slots.set(launch.slot, .empty)
            }
        }
    }
}
