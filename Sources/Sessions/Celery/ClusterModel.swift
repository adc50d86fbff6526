import PoolCore

/// A Celery cluster as the bridge (`python3 -m pooltop_probe.celery_bridge`) reports it: its
/// nodes and their worker processes, the tasks pooltop sent and what became of each, the broker
/// queue and the shared counter. It changes only through `receive(_:)` and the sender's notes.
struct ClusterModel: Sendable {
    /// A Celery node (`a@host`).
    struct Node: Sendable, Hashable {
        var host: String
        var online: Bool
        var concurrency: Int
        var implementation: String
        var autoscales: Bool
    }

    /// One worker process of a node: a slot.
    struct Worker: Sendable, Hashable {
        /// `host/name #i`.
        var label: String
        var pid: Int?
        var node: String?
        var task: String?
        var since: UInt64
        var gone = false
        var lost = false
    }

    /// A task sent and not yet ended.
    struct Task: Sendable, Hashable {
        var sentAt: UInt64
        var startedAt: UInt64?
        var request: Int
        var index: Int
    }

    /// A request (a burst's unit): when it arrived and how many of its tasks are still out.
    struct Request: Sendable, Hashable {
        var arrivedAt: UInt64
        var remaining: Int
        var failed = false
    }

    var nodes: [String: Node] = [:]
    var workers: [Worker] = []
    var tasks: [String: Task] = [:]
    var requests: [Int: Request] = [:]
    var capacity = 0
    var queueDepth = 0
    var peakQueue = 0, peakBusy = 0
    var sent = 0, completed = 0, failed = 0, redelivered = 0, lost = 0
    /// Tasks pooltop could not hand to the bridge (it was not connected).
    var rejected = 0
    var requestsArrived = 0, requestsCompleted = 0, requestsFailed = 0
    var queueWaits: [UInt64] = [], serviceTimes: [UInt64] = [], requestTimes: [UInt64] = []
    var lock = LockStats()
    /// The shared counter: what the finished tasks added, and what Redis holds.
    var counterExpected = 0, counterActual = 0
    /// How many counter readings the bridge has sent.
    var counterReadings = 0
    /// Tasks the bridge had seen succeed just before its last reading, and at the last reset.
    var counterDone: Int?
    var counterBase = 0
    /// Set when a `reset` went out: its answer sets `counterBase`.
    var awaitingReset = false

    /// The increments the last reading must hold: with the lock, `counterActual` is at least this
    /// (tasks still on their way to their `finish` make it more, never less); less is a lost update.
    /// A reading and its `done` are taken together, so a reading a poll behind never shows a
    /// false loss.
    var counterAtReading: CounterStats {
        guard let done = counterDone else { return CounterStats(expected: counterExpected, actual: counterActual) }
        return CounterStats(expected: max(0, done - counterBase), actual: counterActual)
    }
    /// Why the broker is unreachable now, or nil.
    var brokerLost: String?
    /// Set when the bridge gave up (an `error` event).
    var fatal: String?
    var bridgeReady = false
    var celeryVersion: String?
    var events: [PoolEvent] = []
    /// Tasks whose worker died under them, by id: a delivery after that is a redelivery.
    private var orphaned: Set<String> = []
    /// Task names of an app pooltop watches (`--watch`), numbered in order of arrival: a task's
    /// color is its name's.
    private var taskNames: [String: Int] = [:]
    let origin: UInt64

    init(origin: UInt64) {
        self.origin = origin
    }

    /// The most latency samples kept per kind (the newest).
    static let sampleLimit = 20_000

    var busy: Int { workers.filter { $0.task != nil && !$0.gone }.count }
    var hosts: Set<String> { Set(nodes.values.filter(\.online).map(\.host)) }

    // MARK: - What pooltop did

    /// A request of the scenario arrived with `tasks` tasks.
    mutating func requestArrived(_ id: Int, tasks count: Int, at t: UInt64) {
        requests[id] = Request(arrivedAt: t, remaining: count)
        requestsArrived += 1
    }

    /// pooltop sent task `id` (request `request`, task `index`).
    mutating func sent(_ id: String, request: Int, index: Int, at t: UInt64) {
        tasks[id] = Task(sentAt: t, startedAt: nil, request: request, index: index)
        sent += 1
    }

    /// Task `id` could not be sent after all: it is rejected, and its request fails.
    mutating func notSent(_ id: String, at t: UInt64) {
        guard let record = tasks.removeValue(forKey: id) else { return }
        sent -= 1
        rejected += 1
        endRequestTask(record, ok: false, at: t)
    }

    // MARK: - What the bridge said

    mutating func receive(_ event: ProbeEvent) {
        switch event.e {
        case "hello":
            celeryVersion = event.celery
        case "pool", "resized":
            let was = capacity
            capacity = max(0, event.workers ?? capacity)
            bridgeReady = true
            if event.e == "resized" || (was != 0 && was != capacity) {
                log(event.t, .resized, "the cluster's workers now run \(capacity) processes in all")
            }
        case "node":
            nodeChanged(event)
        case "wstart":
            guard let label = event.w else { return }
            if let index = workers.firstIndex(where: { $0.label == label }) {
                workers[index].pid = event.wpid ?? workers[index].pid
                workers[index].gone = false
                workers[index].lost = false
                workers[index].node = event.node ?? workers[index].node
            } else {
                workers.append(Worker(label: label, pid: event.wpid, node: event.node, since: event.t))
                workers.sort { $0.label.localizedStandardCompare($1.label) == .orderedAscending }
            }
        case "wexit":
            guard let index = workers.firstIndex(where: { $0.label == event.w }) else { return }
            workers[index].gone = true
            workers[index].since = event.t
        case "submit":
            guard let id = event.task, tasks[id] == nil else { return }
            let name = event.fn ?? "?"
            let color = taskNames[name] ?? taskNames.count + 1
            taskNames[name] = color
            tasks[id] = Task(sentAt: event.t, startedAt: nil, request: color, index: 0)
            sent += 1
        case "start":
            guard let id = event.task else { return }
            if orphaned.remove(id) != nil {
                redelivered += 1
                log(event.t, .settingChanged, "task \(id) delivered again after its worker died")
            }
            if tasks[id] == nil { tasks[id] = Task(sentAt: event.t, startedAt: nil, request: 0, index: 0) }
            tasks[id]?.startedAt = event.t
            if let sentAt = tasks[id]?.sentAt { Self.keep(event.t &- min(event.t, sentAt), in: &queueWaits) }
            if let index = workers.firstIndex(where: { $0.label == event.w }) {
                workers[index].task = id
                workers[index].since = event.t
            }
            peakBusy = max(peakBusy, busy)
        case "redelivered":
            if let id = event.task, orphaned.remove(id) != nil {
                redelivered += 1
                log(event.t, .settingChanged, "task \(id) delivered again after its worker died")
            }
        case "finish":
            finish(event, ok: event.outcome == "ok")
        case "fail":
            guard let id = event.task else { return }
            if event.outcome == "lost" {
                // acks_late with reject_on_worker_lost: the broker hands it out again.
                orphaned.insert(id)
                lost += 1
                clearWorker(running: id, at: event.t, lost: true)
                tasks[id]?.startedAt = nil
                log(event.t, .workerCrashed, "worker \(event.w ?? "?") died running task \(id): the broker will deliver it again")
            } else {
                finish(event, ok: false)
            }
        case "queue":
            queueDepth = max(0, event.q ?? queueDepth)
            peakQueue = max(peakQueue, queueDepth)
        case "counter":
            counterActual = event.actual ?? counterActual
            counterDone = event.done ?? counterDone
            if awaitingReset, let done = event.done {
                counterBase = done
                awaitingReset = false
            }
            counterReadings += 1
        case "broker":
            if event.state == "lost" {
                brokerLost = event.reason ?? "connection lost"
                log(event.t, .workerCrashed, "lost the broker: \(brokerLost ?? "") (retrying every second)")
            } else {
                brokerLost = nil
                log(event.t, .settingChanged, "the broker is back")
            }
        case "refused":
            log(event.t, .settingChanged, "Celery refused \(event.c ?? "a command"): \(event.reason ?? "no reason given")")
        case "error":
            fatal = event.reason ?? "the bridge stopped"
            log(event.t, .workerCrashed, fatal ?? "")
        default:
            break
        }
    }

    private mutating func nodeChanged(_ event: ProbeEvent) {
        guard let name = event.node else { return }
        let online = event.state != "offline"
        let was = nodes[name]
        nodes[name] = Node(host: event.host ?? was?.host ?? name, online: online, concurrency: event.concurrency ?? was?.concurrency ?? 0,
                           implementation: event.impl ?? was?.implementation ?? "prefork", autoscales: event.autoscale ?? was?.autoscales ?? false)
        if was?.online != online {
            log(event.t, online ? .settingChanged : .workerCrashed,
                online ? "worker \(name) online (\(event.impl ?? "prefork"), \(event.concurrency ?? 0) processes)" : "worker \(name) went offline")
        }
        if !online {
            for index in workers.indices where workers[index].node == name { workers[index].gone = true }
        }
    }

    private mutating func finish(_ event: ProbeEvent, ok: Bool) {
        guard let id = event.task else { return }
        let record = tasks.removeValue(forKey: id)
        orphaned.remove(id)
        if let record {
            if let startedAt = record.startedAt { Self.keep(event.t &- min(event.t, startedAt), in: &serviceTimes) }
            endRequestTask(record, ok: ok, at: event.t)
        }
        if ok {
            completed += 1
            counterExpected += 1
        } else {
            failed += 1
            log(event.t, .workerCrashed, "task \(id) failed: \(event.exc ?? event.reason ?? event.outcome ?? "error")")
        }
        if let wait = event.wait, let hold = event.hold {
            lock.acquisitions += 1
            if wait > 1_000_000 { lock.contended += 1 }
            lock.waitNanosTotal &+= wait
            lock.waitNanosMax = max(lock.waitNanosMax, wait)
            lock.holdNanosTotal &+= hold
        }
        clearWorker(running: id, at: event.t, lost: false)
    }

    private mutating func endRequestTask(_ task: Task, ok: Bool, at t: UInt64) {
        guard var request = requests[task.request] else { return }
        request.remaining -= 1
        request.failed = request.failed || !ok
        if request.remaining > 0 {
            requests[task.request] = request
            return
        }
        requests[task.request] = nil
        if request.failed { requestsFailed += 1 } else { requestsCompleted += 1 }
        Self.keep(t &- min(t, request.arrivedAt), in: &requestTimes)
    }

    private mutating func clearWorker(running id: String, at t: UInt64, lost: Bool) {
        for index in workers.indices where workers[index].task == id {
            workers[index].task = nil
            workers[index].since = t
            if lost { workers[index].lost = true }
        }
    }

    /// Adds a line to the events list (the newest 64 kept).
    mutating func log(_ t: UInt64, _ kind: PoolEvent.Kind, _ message: String) {
        events.append(PoolEvent(elapsedNanos: t &- min(t, origin), kind: kind, message: message))
        if events.count > 64 { events.removeFirst(events.count - 64) }
    }

    private static func keep(_ value: UInt64, in samples: inout [UInt64]) {
        samples.append(value)
        if samples.count > sampleLimit { samples.removeFirst(samples.count - sampleLimit) }
    }
}
