import DequeModule
import PoolCore

/// Everything about the pool that changes, guarded by the pool's one queue lock.
///
/// Like swift-nio's `NIOThreadPool.State`, every transition happens in a method here, called
/// with the lock held; the pool class only takes the lock and starts threads.
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

    var lifecycle = Lifecycle.running
    var configuration: PoolConfiguration
    var queue = Deque<Job>()
    /// Slot index → the thread that occupies it.
    var occupants: [Int: Occupant] = [:]
    /// Free slot indices below `nextFreshSlot`, reused lowest first.
    var freeSlots: [Int] = []
    var nextFreshSlot = 0
    /// Task counts; `queued` is not kept here but derived from `waiting` when a snapshot is taken.
    var totals = TaskTotals()
    var peakBusy = 0
    var peakThreads = 0
    var peakQueueDepth = 0
    var perTaskThreads = 0
    /// Pool threads waiting for work on the `.work` condition.
    var idleWorkers = 0
    /// Signals sent to `.work` whose waiter has not woken yet: a new task wakes a worker only if
    /// more are waiting than are already being woken, so a burst of submissions costs a few
    /// wake-ups instead of one futex call and one context switch per task.
    var wakeupsInFlight = 0
    /// Tasks taken from the queue into a worker process's batch that have not started yet; they
    /// count as queued (process mode).
    var batched = 0
    /// Process mode's worker processes: started, crashed, replaced.
    var workerStats = WorkerProcessStats()
    /// Slot index → when its worker process last died, so the slot shows `crashed` for a moment.
    var crashedAt: [Int: UInt64] = [:]
    /// Process-mode slots whose worker process is not up yet (starting or being replaced).
    var startingProcesses: Set<Int> = []
    var ceilingHit = false
    var ledger = RequestLedger()
    var queueWait = LatencyHistogram()
    var service = LatencyHistogram()
    var requestLatency = LatencyHistogram()
    var computeNanosTotal: UInt64 = 0
    var blockedNanosTotal: UInt64 = 0
    var profiledTasks = 0
    var events = Deque<PoolEvent>()
    let origin: UInt64

    init(configuration: PoolConfiguration, origin: UInt64) {
        self.configuration = configuration
        self.origin = origin
    }

    // MARK: - Slots

    /// Takes the lowest free slot index.
    mutating func claimSlot(for role: Occupant.Role) -> Int {
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
        startingProcesses.remove(index)
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

    /// The role of the pool's workers in the current mode; nil in unbounded mode (no pool).
    var workerRole: Occupant.Role? {
        switch configuration.mode {
        case .threads: return .worker
        case .processes: return .process
        case .unbounded: return nil
        }
    }

    /// Pool workers of the current mode that are not retiring.
    var activeWorkers: Int {
        occupants.values.reduce(0) { $0 + ($1.role == workerRole && !$1.retiring ? 1 : 0) }
    }

    // MARK: - Workers and the cap

    /// Brings the number of active workers of the current mode to the cap (none in unbounded mode).
    /// - Returns: the slot indices of workers to start, with their role; the caller starts them.
    mutating func balanceWorkers() -> [(slot: Int, role: Occupant.Role)] {
        guard let role = workerRole else { return [] }
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
                if role == .process { startingProcesses.insert(slot) }
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

    /// A worker that waited for work woke up (signalled, broadcast or timed out).
    mutating func workerWoke() {
        idleWorkers -= 1
        wakeupsInFlight = max(0, wakeupsInFlight - 1)
    }

    /// Whether one more task may start now without going over the cap.
    var mayStartTask: Bool {
        switch configuration.mode {
        case .threads, .processes: return totals.running < configuration.cap
        case .unbounded: return perTaskThreads < configuration.ceiling
        }
    }

    /// Takes the next task for the worker in slot `index`, or says to wait or to exit.
    mutating func nextStep(forWorkerIn index: Int, now: UInt64) -> WorkerStep {
        guard let occupant = occupants[index], occupant.role == workerRole, !occupant.retiring,
              lifecycle != .terminated else { return .exit }
        if !queue.isEmpty, mayStartTask {
            let job = queue.removeFirst()
            begin(job, in: index, now: now)
            return .run(job)
        }
        if lifecycle == .closed && queue.isEmpty { return .exit }
        return .wait
    }

    /// Books `job` as running in slot `index`.
    mutating func begin(_ job: Job, in index: Int, now: UInt64) {
        totals.running += 1
        peakBusy = max(peakBusy, totals.running)
        occupants[index]?.busy = true
        queueWait.record(nanos: now &- job.enqueuedAt)
    }

    /// Takes more tasks for one worker to run after `first`, one after another, when the queue is
    /// deep (at least twice the cap) and the tasks are tiny: a worker thread then visits the queue
    /// lock once for the lot, and a worker process gets them in one frame instead of a pipe round
    /// trip each. The worker still runs one task at a time, so the extra tasks count as queued
    /// until it hands their figures back.
    mutating func takeBatch(after first: Job, now: UInt64) -> [Job] {
        guard configuration.mode != .unbounded, queue.count >= 2 * configuration.cap,
              Self.isBatchable(first, timeScale: configuration.timeScale) else { return [] }
        let count = min(WorkerPool.batchLimit - 1, queue.count / max(1, configuration.cap))
        var extras: [Job] = []
        while extras.count < count, let next = queue.first, Self.isBatchable(next, timeScale: configuration.timeScale) {
            extras.append(queue.removeFirst())
        }
        batched += extras.count
        return extras
    }

    /// Whether `job` is a simulated task short enough to share a frame.
    private static func isBatchable(_ job: Job, timeScale: Double) -> Bool {
        guard case .simulated(_, let costNanos) = job.work else { return false }
        return Double(costNanos) * timeScale <= Double(WorkerPool.batchableCostNanos)
    }

    /// Books the end of a task that waited in a batch behind the first one: it started when its
    /// worker reached it, so its queue wait runs until then.
    mutating func finishBatched(_ record: FinishedTask, enqueuedAt: UInt64, in index: Int) {
        batched -= 1
        totals.running += 1
        queueWait.record(nanos: record.startedAt &- enqueuedAt)
        finish(record, in: index)
    }

    /// Books the end of a task that ran in slot `index`.
    mutating func finish(_ record: FinishedTask, in index: Int) {
        totals.running -= 1
        occupants[index]?.busy = false
        switch record.outcome {
        case .completed: totals.completed += 1
        case .cancelled: totals.cancelled += 1
        default: totals.failed += 1
        }
        service.record(nanos: record.endedAt &- record.startedAt)
        if record.computeNanos + record.blockedNanos > 0 {
            computeNanosTotal &+= record.computeNanos
            blockedNanosTotal &+= record.blockedNanos
            profiledTasks += 1
        }
        if let latency = ledger.taskEnded(record.tag, succeeded: record.outcome == .completed, at: record.endedAt) {
            requestLatency.record(nanos: latency)
        }
    }

    // MARK: - Events

    /// Adds an event, keeping the newest 64.
    mutating func log(_ kind: PoolEvent.Kind, _ message: String, now: UInt64) {
        events.append(PoolEvent(elapsedNanos: now &- origin, kind: kind, message: message))
        if events.count > 64 { events.removeFirst() }
    }
}

/// What a worker does next, decided under the queue lock.
enum WorkerStep {
    case run(Job)
    case wait
    case exit
}

/// A task that ended, handed back to the pool at the worker's next visit to the queue lock.
struct FinishedTask {
    var tag: TaskTag
    var outcome: TaskOutcome
    var startedAt: UInt64
    var endedAt: UInt64
    var computeNanos: UInt64
    var blockedNanos: UInt64
    /// Process mode: the task's lock call found the previous owner dead and recovered the mutex.
    var recoveredLock = false
}
