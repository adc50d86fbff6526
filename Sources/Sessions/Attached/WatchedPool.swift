import PoolCore

/// One pool of a watched program, as its probe's events describe it: its workers and what each
/// runs, its tasks from submission to end, and the figures the dashboard draws.
struct WatchedPool: Sendable {
    /// A worker: a thread of the program or a worker process.
    struct Worker: Sendable {
        var id: String
        var name: String?
        /// The task it runs now, if any, and since when (CLOCK_MONOTONIC nanoseconds).
        var task: String?
        var since: UInt64
        var exited = false
        /// A worker process that died while it ran a task.
        var crashed = false
    }

    /// A task submitted and not yet ended.
    struct Task: Sendable {
        var submittedAt: UInt64
        var startedAt: UInt64?
        /// Its call's number (for `map`, its chunk's): its color on screen.
        var call: Int
    }

    let id: String
    var kind: String
    var maxWorkers: Int
    var site: String?
    var method: String?
    var workers: [Worker] = []
    var tasks: [String: Task] = [:]
    var submitted = 0, completed = 0, failed = 0, cancelled = 0, rejected = 0
    /// Tasks whose worker died under them in a `multiprocessing.Pool`: it never gets their result.
    var lost = 0
    /// Tasks a `ProcessPoolExecutor` failed with `BrokenProcessPool` (the dead worker's and every pending one).
    var broken = 0
    var peakBusy = 0, peakQueue = 0
    /// Tasks whose CPU time the probe measured, and their CPU and other (waiting) time in all.
    var measuredTasks = 0
    var computeNanosTotal: UInt64 = 0, blockedNanosTotal: UInt64 = 0

    /// Goetz's C: mean CPU time per measured task (0 when none was measured).
    var meanComputeNanos: Double { measuredTasks == 0 ? 0 : Double(computeNanosTotal) / Double(measuredTasks) }
    /// Goetz's W: mean time per measured task spent not computing (waiting).
    var meanBlockedNanos: Double { measuredTasks == 0 ? 0 : Double(blockedNanosTotal) / Double(measuredTasks) }
    var queueWaits: [UInt64] = []
    var serviceTimes: [UInt64] = []
    var requestTimes: [UInt64] = []
    /// Calls numbered so far: every task is a call of its own (a `submit`, an `apply_async`, one
    /// chunk of a `map`), and its number picks its color.
    var calls = 0

    /// The most latency samples kept per kind (the newest).
    static let sampleLimit = 20_000

    /// Whether its workers are processes.
    var usesProcesses: Bool { kind == "ProcessPoolExecutor" || kind == "multiprocessing.Pool" }

    /// `ThreadPoolExecutor-0, 8 workers, created at script.py:14`.
    var title: String {
        var text = "\(kind)-\(id), \(maxWorkers) worker\(maxWorkers == 1 ? "" : "s")"
        if let site { text += ", created at \(Self.shortSite(site))" }
        return text
    }

    /// `script.py:14` for `/home/me/script.py:14`.
    static func shortSite(_ site: String) -> String {
        site.split(separator: "/").last.map(String.init) ?? site
    }

    var running: Int { workers.filter { $0.task != nil && !$0.exited }.count }

    // MARK: - Events

    mutating func workerStarted(_ id: String, name: String?, at t: UInt64) {
        if let index = workers.firstIndex(where: { $0.id == id }) {
            workers[index] = Worker(id: id, name: name ?? workers[index].name, task: nil, since: t)
        } else {
            workers.append(Worker(id: id, name: name, task: nil, since: t))
        }
    }

    mutating func workerExited(_ id: String, status: Int?, at t: UInt64) {
        guard let index = workers.firstIndex(where: { $0.id == id }) else { return }
        workers[index].exited = true
        workers[index].crashed = workers[index].crashed || (status.map { $0 != 0 } ?? false) && workers[index].task != nil
        workers[index].since = t
    }

    mutating func submitted(_ task: String, at t: UInt64) {
        calls += 1
        tasks[task] = Task(submittedAt: t, startedAt: nil, call: calls)
        submitted += 1
        peakQueue = max(peakQueue, queued)
    }

    mutating func started(_ task: String, on worker: String, at t: UInt64) {
        if tasks[task] == nil { submitted(task, at: t) }
        tasks[task]?.startedAt = t
        if let submittedAt = tasks[task]?.submittedAt { Self.keep(t &- submittedAt, in: &queueWaits) }
        if !workers.contains(where: { $0.id == worker }) { workerStarted(worker, name: nil, at: t) }
        if let index = workers.firstIndex(where: { $0.id == worker }) {
            workers[index].task = task
            workers[index].since = t
        }
        peakBusy = max(peakBusy, running)
    }

    /// A task ended: `ok` completed, anything else failed (an exception, a dead worker); `cpu`
    /// is the CPU time its worker thread spent on it, when the probe measured it.
    mutating func finished(_ task: String, ok: Bool, at t: UInt64, cpu: UInt64? = nil) {
        if let record = tasks.removeValue(forKey: task) {
            if let startedAt = record.startedAt {
                let service = t &- min(t, startedAt)
                Self.keep(service, in: &serviceTimes)
                if let cpu {
                    // Goetz's C and W: compute and the rest of the run (waiting), per task.
                    measuredTasks += 1
                    computeNanosTotal &+= min(cpu, service)
                    blockedNanosTotal &+= service - min(cpu, service)
                }
            }
            Self.keep(t &- record.submittedAt, in: &requestTimes)
        }
        if ok { completed += 1 } else { failed += 1 }
        for index in workers.indices where workers[index].task == task {
            workers[index].task = nil
            workers[index].since = t
        }
    }

    /// A task that never ran: cancelled, or refused at submission.
    mutating func dropped(_ task: String, rejected wasRejected: Bool) {
        tasks[task] = nil
        if wasRejected { rejected += 1 } else { cancelled += 1 }
    }

    /// What the screen must say about this pool's dead workers, or nil: a `multiprocessing.Pool`
    /// waits for ever for a lost task; a broken `ProcessPoolExecutor` failed every pending future.
    var fateWarning: String? {
        if lost > 0 {
            return "\(lost) task\(lost == 1 ? "" : "s") lost with a dead worker: \(kind) waits for \(lost == 1 ? "it" : "them") forever"
        }
        if broken > 0 {
            return "pool broken: \(broken) task\(broken == 1 ? "" : "s") failed with BrokenProcessPool"
        }
        return nil
    }

    /// Tasks submitted and not started.
    var queued: Int { tasks.values.filter { $0.startedAt == nil }.count }

    // MARK: - Helpers

    /// A task's id within its pool: `2.0` for `4711:3/2.0`.
    static func shortTask(_ task: String) -> String {
        task.split(separator: "/").last.map(String.init) ?? task
    }

    private static func keep(_ value: UInt64, in samples: inout [UInt64]) {
        samples.append(value)
        if samples.count > sampleLimit { samples.removeFirst(samples.count - sampleLimit) }
    }

    /// Percentiles of `samples`.
    static func summary(_ samples: [UInt64]) -> LatencySummary {
        guard !samples.isEmpty else { return .empty }
        let sorted = samples.sorted()
        func at(_ fraction: Double) -> UInt64 { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))] }
        return LatencySummary(count: sorted.count, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.last ?? 0,
                              mean: Double(sorted.reduce(0, &+)) / Double(sorted.count))
    }
}
