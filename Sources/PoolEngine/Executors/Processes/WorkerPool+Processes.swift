import CPoolSupport
import Glibc
import PoolCore

extension WorkerPool {
    /// How often an idle pool thread checks that its worker process is still alive.
    static let idleCheckNanos: UInt64 = 100_000_000
    /// How long a slot whose process died shows `crashed`, even if its replacement is already up.
    static let crashedDisplayNanos: UInt64 = 750_000_000

    // MARK: - The pool thread that owns one worker process

    /// The life of one process-mode slot: start a worker process, feed it tasks (several to a frame
    /// when the queue is deep and the tasks are tiny), replace it when it dies, and close it when
    /// the slot retires. The process is spawned from this thread, which outlives it, so the child's
    /// parent-death signal fires only when pooltop goes.
    func processWorkerLoop(slot index: Int) {
        pooltop_thread_set_name("pooltop-p\(index)")
        guard let processes else {
            queueLock.withLock { state.releaseSlot(index) }
            return
        }
        let region = processes.region
        var child: ChildWorker?
        var replacing = false
        var nextOrderID: UInt64 = 1
        queueLock.lock()
        while true {
            guard let current = child else {
                guard state.occupants[index]?.retiring == false, state.occupants[index]?.role == .process,
                      state.lifecycle != .terminated, !(state.lifecycle == .closed && state.queue.isEmpty) else { break }
                queueLock.unlock()
                region.setSlot(index, .starting)
                let started = startChild(slot: index, processes: processes)
                queueLock.lock()
                state.startingProcesses.remove(index)
                queueLock.broadcast(.change)
                switch started {
                case .success(let worker):
                    child = worker
                    state.workerStats.spawned += 1
                    state.workerStats.lastStartupNanos = worker.startupNanos
                    state.workerStats.maxStartupNanos = max(state.workerStats.maxStartupNanos, worker.startupNanos)
                    if replacing {
                        state.workerStats.replaced += 1
                        state.log(.workerReplaced, "slot \(index): new worker pid \(worker.pid) up in \(DurationText.format(nanoseconds: worker.startupNanos))", now: MonotonicClock.now())
                    }
                    replacing = false
                case .failure(let error):
                    state.workerStats.spawnFailures += 1
                    state.log(.workerCrashed, "slot \(index): could not start a worker process: \(error)", now: MonotonicClock.now())
                    return leaveSlot(index, child: nil, processes: processes)
                }
                continue
            }
            let now = MonotonicClock.now()
            switch state.nextStep(forWorkerIn: index, now: now) {
            case .run(let first):
                let jobs = [first] + state.takeBatch(after: first, now: now)
                let settings = state.configuration
                queueLock.unlock()
                let ran = run(jobs, in: current, slot: index, settings: settings, nextOrderID: &nextOrderID)
                queueLock.lock()
                switch ran {
                case .success(let records):
                    for (offset, record) in records.enumerated() {
                        if offset == 0 { state.finish(record, in: index) } else { state.finishBatched(record, enqueuedAt: jobs[offset].enqueuedAt, in: index) }
                        if record.recoveredLock {
                            state.log(.workerCrashed, "slot \(index): the shared lock's owner had died; lock recovered", now: record.endedAt)
                        }
                    }
                    if state.totals.running == 0 && state.waiting == 0 { queueLock.broadcast(.change) }
                    if jobs.contains(where: { $0.onFinish != nil }) {
                        queueLock.unlock()
                        for (job, record) in zip(jobs, records) { job.onFinish?(record.outcome) }
                        queueLock.lock()
                    }
                case .failure(let error):
                    let ended = recordCrash(of: current, error: error, slot: index, lost: jobs)
                    queueLock.unlock()
                    processes.unregister(slot: index)
                    for (job, outcome) in ended { job.onFinish?(outcome) }
                    queueLock.lock()
                    child = nil
                    replacing = true
                    state.startingProcesses.insert(index)
                }
            case .wait:
                waitForWork(until: MonotonicClock.now() &+ Self.idleCheckNanos)
                if let exit = current.pollExit() {
                    _ = recordCrash(of: current, error: .died(pid: current.pid, exit: exit), slot: index, lost: [])
                    queueLock.unlock()
                    processes.unregister(slot: index)
                    queueLock.lock()
                    child = nil
                    replacing = true
                    state.startingProcesses.insert(index)
                }
            case .exit:
                return leaveSlot(index, child: current, processes: processes)
            }
        }
        leaveSlot(index, child: child, processes: processes)
    }

    /// Spawns the worker process of `slot` and registers it.
    private func startChild(slot: Int, processes: ProcessWorkers) -> Result<ChildWorker, ChildWorkerError> {
        do throws(ChildWorkerError) {
            let child = try ChildWorker(command: processes.command, region: processes.region,
                                        iterationsPerNanosecond: burner.iterationsPerNanosecond)
            processes.register(child, in: slot)
            return .success(child)
        } catch {
            return .failure(error)
        }
    }

    /// Closes the slot's worker process (it exits at end of input, SIGKILL after the grace period),
    /// then gives the slot back. Called with the queue lock held; returns with it released.
    private func leaveSlot(_ index: Int, child: ChildWorker?, processes: ProcessWorkers) {
        queueLock.unlock()
        if let child {
            child.close()
            processes.unregister(slot: index)
        }
        processes.region.setSlot(index, .empty)
        queueLock.lock()
        state.releaseSlot(index)
        if !state.queue.isEmpty { queueLock.signal(.work) }
        queueLock.broadcast(.change)
        queueLock.unlock()
    }

    // MARK: - Running tasks in the child

    /// Runs `jobs` in `child` (closures on this thread: they cannot cross a process boundary).
    private func run(_ jobs: [Job], in child: ChildWorker, slot: Int, settings: PoolConfiguration,
                     nextOrderID: inout UInt64) -> Result<[FinishedTask], ChildWorkerError> {
        if jobs.count == 1, case .closure = jobs[0].work {
            let region = processes?.region
            region?.setSlot(slot, .busy, tag: jobs[0].tag)
            let record = execute(jobs[0], slot: nil, startedAt: MonotonicClock.now(), settings: settings)
            region?.setSlot(slot, .idle)
            return .success([record])
        }
        let orders = jobs.map { job -> TaskOrder in
            defer { nextOrderID &+= 1 }
            guard case .simulated(let spec, let costNanos) = job.work else { return TaskOrder(id: nextOrderID, slot: UInt16(slot)) }
            let (cpu, io) = spec.split(cost: UInt64(Double(costNanos) * max(0, settings.timeScale)))
            return TaskOrder(id: nextOrderID, slot: slot, tag: job.tag, cpuNanos: cpu, ioNanos: io,
                             criticalSectionNanos: settings.criticalSectionNanos, lockEnabled: settings.lockEnabled)
        }
        do throws(ChildWorkerError) {
            let reports = orders.count == 1 ? [try child.run(orders[0])] : try child.run(orders)
            return .success(zip(jobs, reports).map { job, report in
                FinishedTask(tag: job.tag,
                             outcome: report.status == .completed ? .completed : .failed(reason: "the worker could not use the shared lock"),
                             startedAt: report.startedAt, endedAt: report.endedAt,
                             computeNanos: report.computeNanos, blockedNanos: report.blockedNanos,
                             recoveredLock: report.recoveredLock)
            })
        } catch {
            return .failure(error)
        }
    }

    /// Books the death of `child` (lock held): counts the crash unless the pool is terminating,
    /// shows it in the slot and the events, and retries each task it took down once, failing
    /// those that already had their retry (cancelling them if the pool is terminating).
    /// - Returns: the tasks that ended here and how, to tell their owners after unlocking.
    private func recordCrash(of child: ChildWorker, error: ChildWorkerError, slot: Int, lost: [Job]) -> [(Job, TaskOutcome)] {
        let now = MonotonicClock.now()
        let terminating = state.lifecycle == .terminated
        let how: String
        switch error {
        case .died(_, let exit): how = "\(exit)"
        default: how = "\(error)"
        }
        if !terminating {
            state.workerStats.crashed += 1
            state.crashedAt[slot] = now
            processes?.region.setSlot(slot, .crashed)
            let running = lost.first.map { " running request \($0.tag.requestID) task \($0.tag.taskIndex)" } ?? " while idle"
            state.log(.workerCrashed, "slot \(slot): worker pid \(child.pid) died (\(how))\(running)", now: now)
        }
        var ended: [(Job, TaskOutcome)] = []
        var retried: [Job] = []
        for (offset, job) in lost.enumerated() {
            if offset == 0 {
                state.totals.running -= 1
                state.occupants[slot]?.busy = false
            } else {
                state.batched -= 1
            }
            let outcome: TaskOutcome
            if terminating {
                outcome = .cancelled
                state.totals.cancelled += 1
            } else if job.retries == 0 {
                var again = job
                again.retries = 1
                retried.append(again)
                continue
            } else {
                outcome = .failed(reason: "its worker process died twice (\(how))")
                state.totals.failed += 1
            }
            _ = state.ledger.taskEnded(job.tag, succeeded: false, at: now)
            ended.append((job, outcome))
        }
        for job in retried.reversed() { state.queue.prepend(job) }
        state.totals.retried += retried.count
        if !retried.isEmpty { queueLock.broadcast(.work) }
        queueLock.broadcast(.change)
        return ended
    }

    // MARK: - Fault injection

    /// SIGKILLs one worker process picked at random (a busy one if any is busy), as `k` and
    /// `--chaos-kill` do. Returns false when no worker process runs.
    @discardableResult
    public func killRandomWorker<Generator: RandomNumberGenerator>(using generator: inout Generator) -> Bool {
        guard let processes, let killed = processes.killOne(using: &generator) else { return false }
        record(.workerCrashed, "killed worker pid \(killed.pid) in slot \(killed.slot) (SIGKILL)")
        return true
    }

    /// SIGKILLs one worker process picked at random (a busy one if any is busy).
    @discardableResult
    public func killRandomWorker() -> Bool {
        var generator = SystemRandomNumberGenerator()
        return killRandomWorker(using: &generator)
    }

    /// Waits until every process-mode worker slot has its process up (or gave up starting it),
    /// so a timed run measures the work and not the spawning; true if that happened by `deadline`.
    @discardableResult
    public func waitForWorkers(deadline: UInt64) -> Bool {
        queueLock.lock()
        defer { queueLock.unlock() }
        while !state.startingProcesses.isEmpty {
            if MonotonicClock.now() >= deadline { return false }
            queueLock.wait(on: .change, until: deadline)
        }
        return true
    }

    /// The pids of the worker processes alive now (process mode; tests check for orphans with it).
    public var workerProcessIDs: [Int32] { processes?.pids ?? [] }
}
