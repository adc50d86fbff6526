import CPoolSupport
import Glibc
import PoolCore

extension WorkerPool {
    /// How often an idle pool thread checks that its worker process is still alive.
    static let idleCheckNanos: UInt64 = 100_000_000
    /// How long a slot whose process died shows `crashed`, even if its replacement is already up.
    static let crashedDisplayNanos: UInt64 = 750_000_000

    // MARK: - The pool thread that owns one worker process

    /// What the pool thread of one process-mode slot keeps between tasks.
    struct ProcessSlot {
        let index: Int
        let processes: ProcessWorkers
        /// The worker process, nil before it starts and after it died.
        var child: ChildWorker?
        /// The next child started here replaces one that died.
        var replacing = false
        var nextOrderID: UInt64 = 1
        /// Tasks sent to the child one order at a time and not answered yet, oldest first, with
        /// their order ids: the first runs (it counts as running), the one behind it was sent ahead
        /// (it counts as queued until the first ends).
        var inFlight: [(job: Job, orderID: UInt64)] = []
    }

    /// How many orders a worker process gets ahead of the one it runs: one, so it goes from task
    /// to task without waiting for a pipe round trip through this process.
    static let ordersAhead = 1

    /// The life of one process-mode slot: start a worker process, feed it tasks (one order ahead of
    /// the task it runs, or several tiny ones to a frame when the queue is deep), replace it when it
    /// dies, and close it when the slot retires, once every order sent has been answered. While the
    /// worker's pipeline is full, the slot is the dispatcher thread's (`park`): one thread then
    /// books the reports of every busy worker, instead of each pool thread waking for each report. The
    /// process is spawned from this thread, which outlives it, so the child's parent-death signal
    /// fires only when pooltop goes.
    ///
    /// The queue lock is held at the top of every turn; each step releases it only around the
    /// slow parts (spawning, running the batch, telling owners), with `queueLock.withoutLock`.
    func processWorkerLoop(slot index: Int) {
        pooltop_thread_set_name("pooltop-p\(index)")
        guard let processes else {
            queueLock.withLock { state.releaseSlot(index) }
            return
        }
        var slot = ProcessSlot(index: index, processes: processes)
        queueLock.lock()
        turns: while true {
            guard let child = slot.child else {
                guard state.wantsWorker(in: index, role: .process), startChild(in: &slot) else { break turns }
                continue
            }
            if !slot.inFlight.isEmpty {
                sendAhead(in: &slot, child: child)
                // Sending ahead finds a dead child when the pipe is closed: its death is booked.
                // A full pipeline goes to the dispatcher thread until it drains.
                if slot.child != nil, slot.inFlight.count <= Self.ordersAhead || !park(&slot) {
                    awaitReport(in: &slot, child: child)
                }
                continue
            }
            let now = MonotonicClock.now()
            switch state.nextStep(forWorkerIn: index, now: now) {
            case .run(let first):
                let batch = state.takeBatch(after: first, now: now)
                if batch.isEmpty, first.isSimulated {
                    send(first, in: &slot, child: child)
                } else {
                    runBatch([first] + batch, in: &slot, child: child)
                }
            case .wait:
                waitForWork(until: MonotonicClock.now() &+ Self.idleCheckNanos)
                if let exit = child.pollExit() { bookCrash(in: &slot, error: .died(pid: child.pid, exit: exit), lost: []) }
            case .exit:
                break turns
            }
        }
        leave(slot)
    }

    /// Starts or replaces the slot's worker process (queue lock held, released while spawning).
    /// - Returns: false when it could not be started (the slot then leaves).
    private func startChild(in slot: inout ProcessSlot) -> Bool {
        let started = queueLock.withoutLock {
            slot.processes.region.setHold(slot.index, false)
            slot.processes.region.setSlot(slot.index, .starting)
            return spawnChild(slot: slot.index, processes: slot.processes)
        }
        queueLock.broadcast(.change)
        let now = MonotonicClock.now()
        switch started {
        case .success(let child):
            state.workerSpawned(in: slot.index, pid: child.pid, startupNanos: child.startupNanos, replacing: slot.replacing, now: now)
            slot.child = child
            slot.replacing = false
            return true
        case .failure(let error):
            state.workerSpawnFailed(in: slot.index, reason: "\(error)", now: now)
            return false
        }
    }

    /// Sends `job` to `child` as one order without waiting for its end (queue lock held, released
    /// while writing); it joins the slot's orders in flight. Books the child's death if the pipe is
    /// closed.
    private func send(_ job: Job, in slot: inout ProcessSlot, child: ChildWorker) {
        let order = appendOrder(for: job, in: &slot)
        let failure = queueLock.withoutLock { () -> ChildWorkerError? in
            do throws(ChildWorkerError) {
                try child.start(order)
                return nil
            } catch {
                return error
            }
        }
        if let failure { bookCrash(in: &slot, error: failure, lost: slot.inFlight.map(\.job)) }
    }

    /// The order for `job`, added to the slot's orders in flight (queue lock held); the caller sends it.
    func appendOrder(for job: Job, in slot: inout ProcessSlot) -> TaskOrder {
        let order = Self.order(for: job, id: slot.nextOrderID, slot: slot.index, settings: state.configuration)
        slot.nextOrderID &+= 1
        slot.inFlight.append((job, order.id))
        return order
    }

    /// Sends the next queued task ahead to the slot's worker while its current one runs, if the
    /// state lets it (`PoolState.prefetch`).
    private func sendAhead(in slot: inout ProcessSlot, child: ChildWorker) {
        guard slot.inFlight.count <= Self.ordersAhead, let next = state.prefetch(forWorkerIn: slot.index) else { return }
        send(next, in: &slot, child: child)
    }

    /// Waits (unlocked) for the report of the oldest order in flight and books it (`book`). Books
    /// the child's death, with every order in flight, if it died.
    func awaitReport(in slot: inout ProcessSlot, child: ChildWorker) {
        let head = slot.inFlight[0]
        let received = queueLock.withoutLock { () -> Result<TaskReport, ChildWorkerError> in
            do throws(ChildWorkerError) {
                return .success(try child.awaitReport(of: head.orderID))
            } catch {
                return .failure(error)
            }
        }
        switch received {
        case .success(let report):
            var later: [() -> Void] = []
            book(report, in: &slot, later: &later)
            if !later.isEmpty { queueLock.withoutLock { for action in later { action() } } }
        case .failure(let error):
            bookCrash(in: &slot, error: error, lost: slot.inFlight.map(\.job))
        }
    }

    /// Books `report`, the answer to the slot's oldest order in flight (queue lock held): its end,
    /// or its return to the queue if the worker skipped it because its slot was held. The order
    /// behind it starts running in the worker at that moment (`PoolState.promote`). What must run
    /// unlocked — telling the task's owner, starting task threads — is added to `later`.
    func book(_ report: TaskReport, in slot: inout ProcessSlot, later: inout [() -> Void]) {
        let head = slot.inFlight.removeFirst()
        if report.status == .skipped {
            // Back to the queue for the current mode's workers (or a thread of its own, unbounded).
            // The order behind it is the worker's next, whether it runs it or skips it too.
            let cancelled = state.skipped(head.job, in: slot.index, now: MonotonicClock.now())
            if let next = slot.inFlight.first { state.promote(next.job, in: slot.index, startedAt: report.endedAt) }
            let launches = state.dispatchQueued()
            queueLock.signal(.work)
            queueLock.broadcast(.change)
            if let onFinish = cancelled?.onFinish { later.append { onFinish(.cancelled) } }
            if !launches.isEmpty { later.append { self.startTaskThreads(launches) } }
            return
        }
        let record = Self.finishedTask(head.job, report: report)
        let idle = state.finish([record], batch: [], in: slot.index)
        if let next = slot.inFlight.first { state.promote(next.job, in: slot.index, startedAt: report.endedAt) }
        if idle { queueLock.broadcast(.change) }
        if let onFinish = head.job.onFinish { later.append { onFinish(record.outcome) } }
    }

    /// Runs `jobs` (taken under the queue lock, which is released meanwhile) in `child`, then
    /// books their results, or the child's death.
    private func runBatch(_ jobs: [Job], in slot: inout ProcessSlot, child: ChildWorker) {
        let settings = state.configuration
        let ran = queueLock.withoutLock {
            run(jobs, in: child, slot: slot.index, settings: settings, nextOrderID: &slot.nextOrderID)
        }
        switch ran {
        case .success(let records): bookResults(records, of: jobs, slot: slot.index)
        case .failure(let error): bookCrash(in: &slot, error: error, lost: jobs)
        }
    }

    /// Books the end of `jobs` (queue lock held) and tells their owners, if any listens, unlocked.
    private func bookResults(_ records: [FinishedTask], of jobs: [Job], slot index: Int) {
        if state.finish(records, batch: jobs.dropFirst(), in: index) { queueLock.broadcast(.change) }
        guard jobs.contains(where: { $0.onFinish != nil }) else { return }
        queueLock.withoutLock {
            for (job, record) in zip(jobs, records) { job.onFinish?(record.outcome) }
        }
    }

    /// Books the death of the slot's child (queue lock held) with the tasks it took down (`lost`:
    /// the one it ran first, then its batch): see `PoolState.workerCrashed`. Shows it in the slot,
    /// wakes workers for the retried tasks, and tells the owners of the tasks that ended, unlocked.
    /// The next turn starts a replacement.
    func bookCrash(in slot: inout ProcessSlot, error: ChildWorkerError, lost: [Job]) {
        guard let child = slot.child else { return }
        let crash = state.workerCrashed(in: slot.index, pid: child.pid, how: error.howItEnded, lost: lost, now: MonotonicClock.now())
        if crash.shown { slot.processes.region.setSlot(slot.index, .crashed) }
        if crash.requeued { queueLock.broadcast(.work) }
        let launches = crash.requeued ? state.dispatchQueued() : []
        queueLock.broadcast(.change)
        queueLock.withoutLock {
            slot.processes.unregister(slot: slot.index)
            for (job, outcome) in crash.ended { job.onFinish?(outcome) }
            startTaskThreads(launches)
        }
        slot.child = nil
        slot.inFlight.removeAll()
        slot.replacing = true
    }

    /// Spawns the worker process of `slot` and registers it.
    private func spawnChild(slot: Int, processes: ProcessWorkers) -> Result<ChildWorker, ChildWorkerError> {
        do throws(ChildWorkerError) {
            let child = try ChildWorker(command: processes.command, region: processes.region,
                                        iterationsPerNanosecond: burner.iterationsPerNanosecond, clockReadNanos: burner.clockReadNanos)
            processes.register(child, in: slot)
            return .success(child)
        } catch {
            return .failure(error)
        }
    }

    /// Closes the slot's worker process (it exits at end of input, SIGKILL after the grace period),
    /// then gives the slot back. Called with the queue lock held; returns with it released.
    private func leave(_ slot: ProcessSlot) {
        queueLock.withoutLock {
            if let child = slot.child {
                child.close()
                slot.processes.unregister(slot: slot.index)
            }
            slot.processes.region.setSlot(slot.index, .empty)
        }
        releaseWorkerSlot(slot.index)
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
            return Self.order(for: job, id: nextOrderID, slot: slot, settings: settings)
        }
        do throws(ChildWorkerError) {
            let reports = orders.count == 1 ? [try child.run(orders[0])] : try child.run(orders)
            return .success(zip(jobs, reports).map(Self.finishedTask))
        } catch {
            return .failure(error)
        }
    }

    /// The order that runs `job` in the worker process of `slot` with `settings`.
    private static func order(for job: Job, id: UInt64, slot: Int, settings: PoolConfiguration) -> TaskOrder {
        guard case .simulated(let spec, let costNanos) = job.work else { return TaskOrder(id: id, slot: UInt16(slot)) }
        let (cpu, io) = spec.split(cost: UInt64(Double(costNanos) * max(0, settings.timeScale)))
        return TaskOrder(id: id, slot: slot, tag: job.tag, cpuNanos: cpu, ioNanos: io,
                         criticalSectionNanos: settings.criticalSectionNanos, lockEnabled: settings.lockEnabled)
    }

    /// How `job` ended, from its worker's report.
    static func finishedTask(_ job: Job, report: TaskReport) -> FinishedTask {
        FinishedTask(tag: job.tag,
                     outcome: report.status == .completed ? .completed : .failed(reason: "the worker could not use the shared lock"),
                     startedAt: report.startedAt, endedAt: report.endedAt,
                     computeNanos: report.computeNanos, blockedNanos: report.blockedNanos,
                     recoveredLock: report.recoveredLock)
    }

    // MARK: - Holding slots that leave

    /// Holds the slots of worker processes that leave — retiring above the cap, or of a mode that
    /// is no longer current — and lets the others go on (queue lock held). A held worker skips the
    /// order sent ahead to it (`SharedRegion.setHold`), so no task starts there past the cap.
    func holdLeavingProcessSlots() {
        guard let region = processes?.region else { return }
        let current = state.workerRole
        for (index, occupant) in state.occupants where occupant.role == .process {
            region.setHold(index, occupant.retiring || current != .process)
        }
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
        while !state.startingWorkers.isEmpty {
            if MonotonicClock.now() >= deadline { return false }
            queueLock.wait(on: .change, until: deadline)
        }
        return true
    }

    /// The pids of the worker processes alive now (process mode; tests check for orphans with it).
    public var workerProcessIDs: [Int32] { processes?.pids ?? [] }
}
