import PoolCore

/// Everything the probe of a watched program has said: its pools, its locks, its processes and the
/// events worth a line on screen. It changes only through `receive(_:from:)`.
struct WatchModel: Sendable {
    var pools: [WatchedPool] = []
    var lock = LockStats()
    var events: [PoolEvent] = []
    /// The connection of the program's main process (commands go there).
    var mainConnection: Int?
    var mainPID: Int32?
    /// Worker processes seen (for CPU and memory figures).
    var processIDs: Set<Int32> = []
    /// The Python version and hooks the probe reported.
    var python: String?
    /// Task events kept for a recording, while one asks (nil otherwise).
    var taskLog: [TaskEvent]?
    let origin: UInt64

    init(origin: UInt64) {
        self.origin = origin
    }

    /// Takes in one event from `connection`.
    mutating func receive(_ event: ProbeEvent, from connection: Int) {
        if event.pid > 0 { processIDs.insert(event.pid) }
        switch event.e {
        case "hello":
            if event.role == nil || event.role == "main" {
                mainConnection = mainConnection ?? connection
                mainPID = mainPID ?? event.pid
                python = event.py
            }
        case "pool":
            guard let id = event.pool, pools.firstIndex(where: { $0.id == id }) == nil else { return }
            let pool = WatchedPool(id: id, kind: event.kind ?? "pool", maxWorkers: max(1, event.workers ?? 1), site: event.site,
                                   method: event.method)
            pools.append(pool)
            log(event.t, .settingChanged, "pool \(pool.title)")
        case "wstart":
            update(event.pool) { $0.workerStarted(event.w ?? "?", name: event.name, at: event.t) }
        case "wexit":
            let status = event.status
            let wasRunning = pool(event.pool)?.workers.first { $0.id == event.w }?.task != nil
            update(event.pool) { $0.workerExited(event.w ?? "?", status: status, at: event.t) }
            // A worker that died running a task gets its line with the task's fate (`fail`).
            if let status, status != 0, !wasRunning {
                log(event.t, .workerCrashed, "worker \(event.w ?? "?") \(ExitStatusText.describe(status))")
            }
        case "submit":
            update(event.pool) { $0.submitted(event.task ?? "?", at: event.t) }
            if taskLog != nil, let call = pool(event.pool)?.tasks[event.task ?? "?"]?.call {
                taskLog?.append(.submitted(at: event.t &- min(event.t, origin), request: call, index: 0))
            }
        case "start":
            update(event.pool) { $0.started(event.task ?? "?", on: event.w ?? "?", at: event.t) }
        case "finish":
            keepRun(of: event, outcome: event.outcome == "ok" ? .completed : .failed)
            update(event.pool) { $0.finished(event.task ?? "?", ok: event.outcome == "ok", at: event.t, cpu: event.cpu) }
        case "fail":
            switch event.outcome {
            case "cancelled", "rejected":
                update(event.pool) { $0.dropped(event.task ?? "?", rejected: event.outcome == "rejected") }
            default:
                keepRun(of: event, outcome: .failed)
                update(event.pool) { pool in
                    if event.outcome == "lost" { pool.lost += 1 } else if event.outcome == "died" || event.outcome == "broken" { pool.broken += 1 }
                    pool.finished(event.task ?? "?", ok: false, at: event.t)
                }
                if let worker = event.w { update(event.pool) { pool in
                    if let index = pool.workers.firstIndex(where: { $0.id == worker }) { pool.workers[index].crashed = true }
                } }
                if let line = Self.fateLine(of: event, brokenSoFar: pool(event.pool)?.broken ?? 0) { log(event.t, .workerCrashed, line) }
            }
        case "lock":
            let wait = event.wait ?? 0
            lock.acquisitions += 1
            if wait > 1_000 { lock.contended += 1 }
            lock.waitNanosTotal &+= wait
            lock.waitNanosMax = max(lock.waitNanosMax, wait)
            lock.holdNanosTotal &+= event.hold ?? 0
        case "resized":
            update(event.pool) { $0.maxWorkers = max(1, event.workers ?? $0.maxWorkers) }
            log(event.t, .resized, "pool \(event.pool ?? "?") resized to \(event.workers ?? 0) workers")
        case "refused":
            log(event.t, .settingChanged, "the program refused \(event.c ?? "a command"): \(event.reason ?? "no reason given")")
        default:
            break
        }
    }

    /// The events line for a task that ended without finishing, or nil when an earlier line said
    /// it (a broken pool fails its pending tasks in one go: one line for all).
    static func fateLine(of event: ProbeEvent, brokenSoFar: Int) -> String? {
        let task = event.task.map { WatchedPool.shortTask($0) } ?? "?"
        let death = "worker \(event.w ?? "?") \(ExitStatusText.describe(event.status))"
        switch event.outcome {
        case "lost": return "\(death) running task \(task): lost, the Pool waits forever"
        case "died": return "\(death) running task \(task): BrokenProcessPool"
        case "broken": return brokenSoFar <= 1 ? "pool broken: pending tasks fail with BrokenProcessPool" : nil
        default: return event.reason ?? "task \(task) \(event.outcome ?? "failed")"
        }
    }

    /// Adds a line to the events list (the newest 64 kept).
    mutating func log(_ t: UInt64, _ kind: PoolEvent.Kind, _ message: String) {
        events.append(PoolEvent(elapsedNanos: t &- min(t, origin), kind: kind, message: message))
        if events.count > 64 { events.removeFirst(events.count - 64) }
    }

    /// Keeps the run of the task `event` ends, while a recording asks for task events.
    private mutating func keepRun(of event: ProbeEvent, outcome: TaskEvent.Outcome) {
        guard taskLog != nil, let pool = pool(event.pool), let task = pool.tasks[event.task ?? "?"],
              let started = task.startedAt, let slot = pool.workers.firstIndex(where: { $0.task == event.task }) else { return }
        taskLog?.append(.ran(start: started &- min(started, origin), end: event.t &- min(event.t, origin), request: task.call,
                             index: 0, slot: slot, outcome: outcome))
    }

    private func pool(_ id: String?) -> WatchedPool? {
        pools.first { $0.id == id }
    }

    private mutating func update(_ id: String?, _ body: (inout WatchedPool) -> Void) {
        guard let id, let index = pools.firstIndex(where: { $0.id == id }) else { return }
        body(&pools[index])
    }
}
