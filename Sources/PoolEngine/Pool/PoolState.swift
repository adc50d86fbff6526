import DequeModule
import PoolCore

/// Everything about the pool that changes, guarded by the pool's one queue lock.
///
/// Like swift-nio's `NIOThreadPool.State`, every transition happens in a method here, called
/// with the lock held; the pool class only takes the lock, starts threads and tells owners how
/// their tasks ended. The stored properties are `private(set)`: outside this file they are read
/// only. What differs by mode is asked of the current mode's `executor`.
///
/// That is why the transitions stay in this one file rather than in extensions beside it: Swift
/// scopes a `private(set)` setter to its file, and the file boundary is what keeps every write a
/// transition.
struct PoolState {
    /// Where the pool is in its life.
    enum Lifecycle: Equatable {
        /// Taking work.
        case running
        /// `close()`d: no new work; workers exit once the queue is empty.
        case closed
        /// `terminate()`d: queued work cancelled; workers exit after their current task.
        case terminated
    }

    /// A live thread that occupies a slot.
    struct Occupant: Equatable {
        enum Role: Equatable {
            /// A pool worker thread that takes task after task (thread mode).
            case worker
            /// A pool thread that owns one worker process and feeds it task after task (process mode).
            case process
            /// Unbounded mode: a thread started for one task.
            case perTask
        }
        var role: Role
        /// A worker above the cap: exits once its current task ends.
        var retiring = false
        /// The worker is running a task right now.
        var busy = false
    }

    private(set) var lifecycle = Lifecycle.running
    private(set) var configuration: PoolConfiguration
    private(set) var queue = Deque<Job>()
    /// Slot index → the thread that occupies it.
    private(set) var occupants: [Int: Occupant] = [:]
    /// Free slot indices below `nextFreshSlot`, reused lowest first.
    private(set) var freeSlots: [Int] = []
    private(set) var nextFreshSlot = 0
    /// Task counts; `queued` is not kept here but derived from `waiting` when a snapshot is taken.
    private(set) var totals = TaskTotals()
    private(set) var peakBusy = 0
    private(set) var peakThreads = 0
    private(set) var peakQueueDepth = 0
    private(set) var perTaskThreads = 0
    /// Pool threads waiting for work on the `.work` condition.
    private(set) var idleWorkers = 0
    /// Signals sent to `.work` whose waiter has not woken yet: a new task wakes a worker only if
    /// more are waiting than are already being woken, so a burst of submissions costs a few
    /// wake-ups instead of one futex call and one context switch per task.
    private(set) var wakeupsInFlight = 0
    /// Tasks taken from the queue into a worker process's batch that have not started yet; they
    /// count as queued (process mode).
    private(set) var batched = 0
    /// Process mode's worker processes: started, crashed, replaced.
    private(set) var workerStats = WorkerProcessStats()
    /// Slot index → when its worker process last died, so the slot shows `crashed` for a moment.
    private(set) var crashedAt: [Int: UInt64] = [:]
    /// Slots whose worker is not up yet (a worker process starting or being replaced).
    private(set) var startingWorkers: Set<Int> = []
    private(set) var ceilingHit = false
    private(set) var ledger = RequestLedger()
    private(set) var timings = TaskTimings()
    private(set) var events = Deque<PoolEvent>()
    /// Task submissions and runs, while a recording keeps them.
    private(set) var taskLog = TaskLog()
    /// Completed tasks' times in service and drops, while an adaptive limiter is on.
    private(set) var limitFeed = LimitFeed()
    let origin: UInt64

    init(configuration: PoolConfiguration, origin: UInt64) {
        self.configuration = configuration
        self.origin = origin
    }

    // MARK: - Slots

    /// Takes the lowest free slot index.
    private mutating func claimSlot(for role: Occupant.Role) -> Int {
        let index: Int
        if let lowest = freeSlots.indices.min(by: { freeSlots[$0] < freeSlots[$1] }) {
            index = freeSlots.remove(at: lowest)
        } else {
            index = nextFreshSlot
            nextFreshSlot += 1
        }
        occupants[index] = Occupant(role: role)
        peakThreads = max(peakThreads, occupants.count)
        return index
    }

    /// Gives a slot back when its thread exits.
    mutating func releaseSlot(_ index: Int) {
        occupants[index] = nil
        startingWorkers.remove(index)
        if index == nextFreshSlot - 1 {
            nextFreshSlot -= 1
            while let last = freeSlots.firstIndex(of: nextFreshSlot - 1) {
                freeSlots.remove(at: last)
                nextFreshSlot -= 1
            }
        } else {
            freeSlots.append(index)
        }
    }

    /// Tasks waiting to start: in the queue or in a worker process's batch.
    var waiting: Int { queue.count + batched }

    /// The executor of the current mode.
    var executor: any Executor.Type { configuration.mode.executor }

    /// The role of the pool's workers in the current mode; nil when it keeps none (unbounded).
    var workerRole: Occupant.Role? { executor.workerRole }

    /// Pool workers of the current mode that are not retiring.
    var activeWorkers: Int {
        occupants.values.reduce(0) { $0 + ($1.role == workerRole && !$1.retiring ? 1 : 0) }
    }

    // MARK: - Workers and the cap

    /// Brings the number of active workers of the current mode to the cap (none in unbounded mode).
    /// - Returns: the slot indices of workers to start, with their role; the caller starts them.
    mutating func balanceWorkers() -> [(slot: Int, role: Occupant.Role)] {
        let executor = self.executor
        guard let role = executor.workerRole else { return [] }
        let wanted = lifecycle == .running ? configuration.cap : 0
        var active = activeWorkers
        var started: [(slot: Int, role: Occupant.Role)] = []
        if active < wanted {
            for (index, occupant) in occupants.sorted(by: { $0.key < $1.key })
            where occupant.role == role && occupant.retiring && active < wanted {
                occupants[index]?.retiring = false
                active += 1
            }
            while active < wanted {
                let slot = claimSlot(for: role)
                if executor.workersStartLater { startingWorkers.insert(slot) }
                started.append((slot, role))
                active += 1
            }
        } else if active > wanted {
            // Retire idle workers first (they leave at once), then busy ones from the top.
            let candidates = occupants.filter { $0.value.role == role && !$0.value.retiring }
                .sorted { ($0.value.busy ? 1 : 0, -$0.key) < ($1.value.busy ? 1 : 0, -$1.key) }
            for (index, _) in candidates.prefix(active - wanted) { occupants[index]?.retiring = true }
        }
        return started
    }

    /// Whether new work should wake a waiting worker; if so, counts the wake-up as on its way.
    mutating func claimWakeup() -> Bool {
        guard idleWorkers > wakeupsInFlight, wakeupsInFlight < WorkerPool.wakeupsInFlightLimit else { return false }
        wakeupsInFlight += 1
        return true
    }

    /// A pool worker starts waiting for work on the `.work` condition.
    mutating func workerWaits() {
        idleWorkers += 1
    }

    /// A worker that waited for work woke up (signalled, broadcast or timed out).
    /// - Returns: whether it should pass the wake-up on: more work is queued than it and the
    ///   workers already being woken can take (the wake-up is then counted as on its way).
    mutating func workerWoke() -> Bool {
        idleWorkers -= 1
        wakeupsInFlight = max(0, wakeupsInFlight - 1)
        return queue.count > wakeupsInFlight + 1 && claimWakeup()
    }

    /// Whether one more task may start now without going over the cap (or, with a thread per task,
    /// the ceiling).
    var mayStartTask: Bool { executor.mayStartTask(in: self) }

    /// Whether the worker of slot `index` goes on taking tasks: it works in the current mode, does
    /// not retire, and the pool is not terminating.
    private func staysAtWork(_ index: Int) -> Bool {
        guard let occupant = occupants[index] else { return false }
        return occupant.role == workerRole && !occupant.retiring && lifecycle != .terminated
    }

    /// Takes the next task for the worker in slot `index`, or says to wait or to exit.
    mutating func nextStep(forWorkerIn index: Int, now: UInt64) -> WorkerStep {
        guard staysAtWork(index) else { return .exit }
        if !queue.isEmpty, mayStartTask {
            let job = queue.removeFirst()
            begin(job, in: index, now: now)
            return .run(job)
        }
        if lifecycle == .closed && queue.isEmpty { return .exit }
        return .wait
    }

    /// Books `job` as running in slot `index`.
    private mutating func begin(_ job: Job, in index: Int, now: UInt64) {
        totals.running += 1
        peakBusy = max(peakBusy, totals.running)
        occupants[index]?.busy = true
        timings.waited(nanos: now &- job.enqueuedAt)
    }

    /// Takes more tasks for one worker to run after `first`, one after another, when the queue is
    /// deep (at least twice the cap) and the tasks are tiny: a worker thread then visits the queue
    /// lock once for the lot, and a worker process gets them in one frame instead of a pipe round
    /// trip each. The worker still runs one task at a time, so the extra tasks count as queued
    /// until it hands their figures back.
    mutating func takeBatch(after first: Job, now: UInt64) -> [Job] {
        guard startsBatch(first) else { return [] }
        let count = min(WorkerPool.batchLimit - 1, queue.count / max(1, configuration.cap))
        var extras: [Job] = []
        while extras.count < count, let next = queue.first, Self.isBatchable(next, timeScale: configuration.timeScale) {
            extras.append(queue.removeFirst())
        }
        batched += extras.count
        return extras
    }

    /// Takes a task to send ahead to the worker process of slot `index` while its current task
    /// runs, so the worker starts it the moment that one ends instead of waiting a pipe round trip
    /// for it. Only simulated tasks go ahead, and only when more are queued than idle workers can
    /// take (a task never waits behind a busy worker while another is idle). It counts as queued
    /// until the worker starts it (`promote`).
    mutating func prefetch(forWorkerIn index: Int) -> Job? {
        guard staysAtWork(index), queue.count > idleWorkers, let next = queue.first,
              next.isSimulated else { return nil }
        batched += 1
        return queue.removeFirst()
    }

    /// The task sent ahead to slot `index` started when the one before it ended, at `startedAt`
    /// (or when it was queued, if it was sent after that end): it runs now (it stops counting as
    /// queued).
    mutating func promote(_ job: Job, in index: Int, startedAt: UInt64) {
        batched -= 1
        totals.running += 1
        peakBusy = max(peakBusy, totals.running)
        occupants[index]?.busy = true
        timings.waited(nanos: startedAt > job.enqueuedAt ? startedAt - job.enqueuedAt : 0)
    }

    /// The worker of slot `index` skipped `job` (promoted, so counted as running), sent ahead
    /// before its slot was held: the task goes back to the head of the queue, or is cancelled when
    /// the pool is terminating.
    /// - Returns: the task if it was cancelled, to tell its owner after unlocking.
    mutating func skipped(_ job: Job, in index: Int, now: UInt64) -> Job? {
        totals.running -= 1
        occupants[index]?.busy = false
        guard lifecycle == .terminated else {
            queue.prepend(job)
            return nil
        }
        totals.cancelled += 1
        _ = ledger.taskEnded(job.tag, succeeded: false, at: now)
        return job
    }

    /// Whether a worker that takes `first` now also takes a batch behind it (`takeBatch`).
    private func startsBatch(_ first: Job) -> Bool {
        executor.batchesTinyTasks && queue.count >= 2 * configuration.cap
            && Self.isBatchable(first, timeScale: configuration.timeScale)
    }

    /// The next task for the worker of slot `index`, begun as `nextStep`'s `.run` would, when it is
    /// a simulated task that goes alone (no batch behind it); nil otherwise, or when there is none
    /// (the slot's pool thread then takes its next step). For process mode's dispatcher, feeding a
    /// worker that answered every order it had.
    mutating func nextAlone(forWorkerIn index: Int, now: UInt64) -> Job? {
        guard staysAtWork(index), mayStartTask, let first = queue.first, first.isSimulated,
              !startsBatch(first) else { return nil }
        queue.removeFirst()
        begin(first, in: index, now: now)
        return first
    }

    /// Whether `job` is a simulated task short enough to share a frame.
    private static func isBatchable(_ job: Job, timeScale: Double) -> Bool {
        guard let costNanos = job.simulatedCostNanos else { return false }
        return Double(costNanos) * timeScale <= Double(WorkerPool.batchableCostNanos)
    }

    /// Books the end of a run of tasks in slot `index`: `records[0]` is the task it began, the rest
    /// those of `batch` (taken with `takeBatch`), in order. Logs a shared lock that a task found
    /// with its owner dead.
    /// - Returns: whether the pool is now idle (nothing runs, nothing waits).
    mutating func finish(_ records: [FinishedTask], batch: some Sequence<Job>, in index: Int) -> Bool {
        finish(records[0], in: index)
        for (job, record) in zip(batch, records.dropFirst()) {
            finishBatched(record, enqueuedAt: job.enqueuedAt, in: index)
        }
        for record in records where record.recoveredLock {
            log(.workerCrashed, "slot \(index): the shared lock's owner had died; lock recovered", now: record.endedAt)
        }
        return totals.running == 0 && waiting == 0
    }

    /// Books the end of a task that waited in a batch behind the first one: it started when its
    /// worker reached it, so its queue wait runs until then.
    private mutating func finishBatched(_ record: FinishedTask, enqueuedAt: UInt64, in index: Int) {
        batched -= 1
        totals.running += 1
        timings.waited(nanos: record.startedAt &- enqueuedAt)
        finish(record, in: index)
    }

    /// Books the end of a task that ran in slot `index`.
    private mutating func finish(_ record: FinishedTask, in index: Int) {
        taskLog.ran(record.tag, slot: index, start: record.startedAt &- origin, end: record.endedAt &- origin, outcome: record.outcome)
        if record.outcome == .completed {
            limitFeed.completed(rttNanos: record.endedAt &- record.startedAt, inFlight: totals.running)
        }
        totals.running -= 1
        occupants[index]?.busy = false
        switch record.outcome {
        case .completed: totals.completed += 1
        case .cancelled: totals.cancelled += 1
        default: totals.failed += 1
        }
        let requestNanos = ledger.taskEnded(record.tag, succeeded: record.outcome == .completed, at: record.endedAt)
        timings.ran(record, profiling: true, requestNanos: requestNanos)
    }

    // MARK: - Submitting

    /// What `admit` decided for a submitted task.
    enum Admission {
        /// Queued; `dropped` is the oldest task it pushed out (discard-oldest), now cancelled.
        case accepted(dropped: Job?)
        /// Not queued: the pool is closed or the queue is full (abort, discard-newest).
        case refused(SubmitResult)
        /// The queue is full and the policy is caller-runs: the submitter runs it now.
        case runByCaller
    }

    /// Queues `job` if the pool is open, applying the queue bound's rejection policy. Its request
    /// (arrived at `requestArrivalNanos`) is in service from now, if it was not already: the
    /// ledger, not the queued task, keeps the arrival.
    mutating func admit(_ job: Job, requestArrivalNanos: UInt64) -> Admission {
        let tag = job.tag
        if tag.requestID != 0 {
            ledger.requestArrived(TaskTag(requestID: tag.requestID, taskIndex: tag.taskIndex, fanout: tag.fanout,
                                          requestArrivalNanos: requestArrivalNanos))
        }
        guard lifecycle == .running else {
            reject(job)
            return .refused(.rejected(reason: "the pool is closed"))
        }
        var dropped: Job?
        if let bound = configuration.queueBound, queue.count >= bound {
            switch configuration.rejectPolicy {
            case .abort:
                reject(job)
                return .refused(.rejected(reason: "the queue is full (\(bound) tasks)"))
            case .discardNewest:
                reject(job)
                return .refused(.discarded)
            case .callerRuns:
                totals.ranByCaller += 1
                return .runByCaller
            case .discardOldest:
                dropped = queue.popFirst()
                totals.cancelled += 1
                limitFeed.dropped(inFlight: totals.running)
                if let dropped { _ = ledger.taskEnded(dropped.tag, succeeded: false, at: job.enqueuedAt) }
            }
        }
        totals.accepted += 1
        taskLog.submitted(job.tag, at: job.enqueuedAt &- origin)
        queue.append(job)
        peakQueueDepth = max(peakQueueDepth, queue.count)
        return .accepted(dropped: dropped)
    }

    /// Counts `job` as rejected.
    private mutating func reject(_ job: Job) {
        totals.rejected += 1
        limitFeed.dropped(inFlight: totals.running)
        _ = ledger.taskEnded(job.tag, succeeded: false, at: job.enqueuedAt)
    }

    /// Books a task its submitter ran (caller-runs): never queued, never counted as running.
    mutating func ranInCaller(_ record: FinishedTask) {
        let requestNanos = ledger.taskEnded(record.tag, succeeded: record.outcome == .completed, at: record.endedAt)
        timings.ran(record, profiling: false, requestNanos: requestNanos)
    }

    /// Starts or stops keeping every task's submission and run (for a recording).
    mutating func keepTaskEvents(_ keep: Bool) {
        taskLog.keep(keep)
    }

    /// The task events kept since the last call, oldest first.
    mutating func takeTaskEvents() -> [TaskEvent] {
        taskLog.drain()
    }

    /// Starts or stops keeping samples for an adaptive limiter.
    mutating func keepLimitSamples(_ keep: Bool) {
        limitFeed.keep(keep)
    }

    /// The limiter's samples kept since the last call, oldest first.
    mutating func takeLimitSamples() -> [LimitSample] {
        limitFeed.drain()
    }

    /// Counts a request as in service from its arrival.
    mutating func requestArrived(_ tag: TaskTag) {
        ledger.requestArrived(tag)
    }

    /// Takes queued tasks that the current executor starts on threads of their own (none for
    /// pool workers); the caller starts them after unlocking.
    mutating func dispatchQueued() -> [TaskLaunch] {
        let executor = self.executor
        return executor.dispatchQueued(in: &self)
    }

    // MARK: - Lifecycle

    /// `close()`: no new work; the workers leave once the queue is empty.
    mutating func close() {
        if lifecycle == .running { lifecycle = .closed }
    }

    /// `terminate()`: no new work, and every queued task is cancelled.
    /// - Returns: the cancelled tasks, to tell their owners after unlocking.
    mutating func terminate(now: UInt64) -> [Job] {
        lifecycle = .terminated
        let cancelled = queue.isEmpty ? [] : Array(queue)  // see `snapshot()` on empty deques
        queue.removeAll()
        totals.cancelled += cancelled.count
        for job in cancelled { _ = ledger.taskEnded(job.tag, succeeded: false, at: now) }
        return cancelled
    }

    /// Closed or terminated, every task ended and every thread gone (what `join` waits for).
    var isFinished: Bool {
        lifecycle != .running && queue.isEmpty && totals.running == 0 && occupants.isEmpty
    }

    /// Nothing queued and nothing running (what `waitUntilIdle` waits for).
    var isIdle: Bool { queue.isEmpty && totals.running == 0 }

    // MARK: - Settings

    /// At start-up only: the configured mode is not available, so the pool runs `mode` instead.
    mutating func fallBack(to mode: PoolMode) {
        configuration.mode = mode
    }

    /// Sets the cap and balances the workers to it.
    /// - Returns: the workers to start, or nil when the cap was already `cap`.
    /// The limiter's resizes are not logged one by one (`logged` false): they come many a second.
    mutating func resize(to cap: Int, now: UInt64, logged: Bool = true) -> [(slot: Int, role: Occupant.Role)]? {
        let old = configuration.cap
        guard old != cap else { return nil }
        configuration.cap = cap
        let started = balanceWorkers()
        if logged { log(.resized, "cap \(old) → \(cap)", now: now) }
        return started
    }

    /// Switches to `mode`: its executor's workers start (the old ones leave as they see the new
    /// mode), and queued tasks it runs on threads of their own are taken.
    /// - Returns: the workers and task threads to start, or nil when the mode was already `mode`.
    mutating func switchMode(to mode: PoolMode, now: UInt64) -> (workers: [(slot: Int, role: Occupant.Role)], launches: [TaskLaunch])? {
        let old = configuration.mode
        guard old != mode else { return nil }
        configuration.mode = mode
        ceilingHit = false
        let started = balanceWorkers()
        let launches = dispatchQueued()
        log(.modeSwitched, "mode \(old.rawValue) → \(mode.rawValue)", now: now)
        return (started, launches)
    }

    /// Applies `body` to the configuration (for tasks that start from now on) and logs `message`.
    mutating func changeSettings(_ message: String, now: UInt64, _ body: (inout PoolConfiguration) -> Void) {
        body(&configuration)
        log(.settingChanged, message, now: now)
    }

    /// Forgets latency histograms, profiles, peaks and worker-process figures; totals keep adding up.
    mutating func resetStatistics(now: UInt64) {
        timings.reset()
        peakBusy = totals.running
        peakThreads = occupants.count
        peakQueueDepth = queue.count
        ceilingHit = false
        workerStats = WorkerProcessStats()
        crashedAt = [:]
        log(.statisticsReset, "statistics reset", now: now)
    }

    // MARK: - Pool workers coming and going

    /// The system refused the thread of the worker claimed for slot `index`.
    mutating func workerRefused(_ index: Int, now: UInt64) {
        releaseSlot(index)
        log(.settingChanged, "could not start a worker thread (system limit)", now: now)
    }

    /// Whether slot `index` still wants a worker of `role` started in it: it is not retiring, and
    /// the pool is neither terminated nor closed with nothing left to do.
    func wantsWorker(in index: Int, role: Occupant.Role) -> Bool {
        guard let occupant = occupants[index], occupant.role == role, !occupant.retiring else { return false }
        return lifecycle != .terminated && !(lifecycle == .closed && queue.isEmpty)
    }

    /// The worker process of slot `index` is up (after `startupNanos`), perhaps replacing one that died.
    mutating func workerSpawned(in index: Int, pid: Int32, startupNanos: UInt64, replacing: Bool, now: UInt64) {
        startingWorkers.remove(index)
        workerStats.spawned += 1
        workerStats.lastStartupNanos = startupNanos
        workerStats.maxStartupNanos = max(workerStats.maxStartupNanos, startupNanos)
        if replacing {
            workerStats.replaced += 1
            log(.workerReplaced, "slot \(index): new worker pid \(pid) up in \(DurationText.format(nanoseconds: startupNanos))", now: now)
        }
    }

    /// The worker process of slot `index` could not be started, for `reason`.
    mutating func workerSpawnFailed(in index: Int, reason: String, now: UInt64) {
        startingWorkers.remove(index)
        workerStats.spawnFailures += 1
        log(.workerCrashed, "slot \(index): could not start a worker process: \(reason)", now: now)
    }

    /// How the death of a worker process was booked.
    struct Crash {
        /// The tasks that ended with it, and how: to tell their owners after unlocking.
        var ended: [(Job, TaskOutcome)] = []
        /// Whether tasks went back to the queue for their retry (wake a worker).
        var requeued = false
        /// Whether the slot should show `crashed` (not when the pool is terminating).
        var shown = false
    }

    /// The worker process (pid `pid`) of slot `index` died (`how`), taking `lost` down with it:
    /// `lost[0]` the task it ran, the rest its batch. Counts the crash unless the pool is
    /// terminating, and retries each lost task once, failing those that already had their retry
    /// (cancelling them if the pool is terminating). The slot then waits for a replacement.
    mutating func workerCrashed(in index: Int, pid: Int32, how: String, lost: [Job], now: UInt64) -> Crash {
        var crash = Crash()
        let terminating = lifecycle == .terminated
        if !terminating {
            workerStats.crashed += 1
            crashedAt[index] = now
            crash.shown = true
            let running = lost.first.map { " running request \($0.tag.requestID) task \($0.tag.taskIndex)" } ?? " while idle"
            log(.workerCrashed, "slot \(index): worker pid \(pid) died (\(how))\(running)", now: now)
        }
        var retried: [Job] = []
        for (offset, job) in lost.enumerated() {
            if offset == 0 {
                totals.running -= 1
                occupants[index]?.busy = false
            } else {
                batched -= 1
            }
            let outcome: TaskOutcome
            if terminating {
                outcome = .cancelled
                totals.cancelled += 1
            } else if job.retries == 0 {
                retried.append(requeueForRetry(job))
                continue
            } else {
                outcome = .failed(reason: "its worker process died twice (\(how))")
                totals.failed += 1
            }
            _ = ledger.taskEnded(job.tag, succeeded: false, at: now)
            crash.ended.append((job, outcome))
        }
        for job in retried.reversed() { queue.prepend(job) }
        totals.retried += retried.count
        crash.requeued = !retried.isEmpty
        startingWorkers.insert(index)
        return crash
    }

    /// `job` marked as having had its one retry, to go back to the head of the queue.
    private func requeueForRetry(_ job: Job) -> Job {
        var again = job
        again.retries = 1
        return again
    }

    // MARK: - A thread per task (unbounded mode)

    /// Takes queued tasks for threads of their own, up to the ceiling (`UnboundedExecutor`).
    mutating func takeForTaskThreads() -> [TaskLaunch] {
        guard lifecycle != .terminated else { return [] }
        var launches: [TaskLaunch] = []
        let now = MonotonicClock.now()
        while !queue.isEmpty {
            guard UnboundedExecutor.mayStartTask(in: self) else {
                if !ceilingHit {
                    ceilingHit = true
                    log(.ceilingHit, "thread ceiling \(configuration.ceiling) reached: tasks wait", now: now)
                }
                break
            }
            let job = queue.removeFirst()
            let slot = claimSlot(for: .perTask)
            perTaskThreads += 1
            begin(job, in: slot, now: now)
            launches.append(TaskLaunch(slot: slot, job: job, startedAt: now, settings: configuration))
        }
        return launches
    }

    /// The thread of a task in slot `index` ended with `record`.
    mutating func taskThreadEnded(_ record: FinishedTask, in index: Int) {
        finish(record, in: index)
        releaseSlot(index)
        perTaskThreads -= 1
    }

    /// The system refused the thread for `launch`: its task goes back to the head of the queue.
    mutating func taskThreadRefused(_ launch: TaskLaunch, now: UInt64) {
        totals.running -= 1
        releaseSlot(launch.slot)
        perTaskThreads -= 1
        queue.prepend(launch.job)
        ceilingHit = true
        log(.ceilingHit, "the system refused a thread at \(perTaskThreads + 1): tasks wait", now: now)
    }

    // MARK: - Events

    /// Adds an event, keeping the newest 64.
    mutating func log(_ kind: PoolEvent.Kind, _ message: String, now: UInt64) {
        events.append(PoolEvent(elapsedNanos: now &- origin, kind: kind, message: message))
        if events.count > 64 { events.removeFirst() }
    }
}
