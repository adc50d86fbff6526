import Foundation
import Glibc
import PoolCore
import PoolEngine
import Workload

/// A Celery cluster over Redis as a `PoolSource` (`--mode celery --broker redis://…`): the
/// scenario's bursts become Celery tasks; the slots are every worker process of every worker, as
/// the bridge (`python3 -m pooltop_probe.celery_bridge`) reports them from Celery's own events
/// and `inspect`; `+`/`-` grow and shrink the workers' pools.
///
/// Celery and Redis are the engine here: pooltop sends, watches and steers, and schedules nothing.
public final class CelerySession: PoolSource {
    /// The broker's URL.
    public let broker: String
    /// The scenario's request generator (its sink sends to Celery).
    public let driver: ScenarioDriver
    public let scenario: Scenario
    /// True when pooltop only watches an app's own tasks (`pooltop watch --celery`): it sends none.
    public let watchOnly: Bool
    /// Where the bridge's own output goes.
    public var bridgeLogPath: String { bridge.logPath }
    private let listener: EventListener
    private let sink: ClusterSink
    private let model: LockedValue<ClusterModel>
    private let bridge: CeleryBridgeProcess
    private let rates = LockedValue((at: UInt64(0), tasks: 0, requests: 0, tasksPerSecond: 0.0, requestsPerSecond: 0.0))
    private let latencies = LockedValue<(at: UInt64, summaries: [LatencySummary])?>(nil)
    private let started = LockedValue(false)
    private let origin: UInt64

    /// Connects to the cluster behind `broker` through the bridge (the `pooltop_probe` package in
    /// `probeDirectory`, run by `python`), ready to run `scenario` with the lock settings of
    /// `configuration` (repeating bursts on when `arrivalsEnabled`; `watchOnly` sends nothing and
    /// leaves the counter alone). Waits until the bridge has seen the workers, at most `timeoutNanos`.
    /// - Throws: a `CeleryError`: Celery missing (says what to install), the broker unreachable
    ///   (names the URL), the bridge failing to start.
    public init(broker: String, scenario: Scenario, configuration: PoolConfiguration, arrivalsEnabled: Bool = true,
                probeDirectory: String? = WatchSession.probeDirectory(), python: String = "python3", watchOnly: Bool = false,
                timeoutNanos: UInt64 = 30_000_000_000) throws(CeleryError) {
        guard let probeDirectory else {
            throw CeleryError(status: 1, "the Celery bridge (python/pooltop_probe) was not found; set POOLTOP_PROBE_PATH")
        }
        guard broker.hasPrefix("redis://") || broker.hasPrefix("rediss://") else {
            throw CeleryError(status: 2, "--broker takes a Redis URL (redis://HOST:PORT/DB), got \(Self.masked(broker))")
        }
        guard let interpreter = Subprocess.locate(python) else {
            throw CeleryError(status: 1, "--mode celery runs its bridge with \(python), which is not on PATH")
        }
        try CeleryBridgeProcess.checkCelery(interpreter)
        self.broker = broker
        self.scenario = scenario
        self.watchOnly = watchOnly
        let origin = MonotonicClock.now()
        self.origin = origin
        let model = LockedValue(ClusterModel(origin: origin))
        self.model = model
        let connection = LockedValue<Int?>(nil)
        let decoder = JSONDecoder()
        do throws(SubprocessError) {
            listener = try EventListener { id, line in
                guard let event = try? decoder.decode(ProbeEvent.self, from: Data(line)) else { return }
                if event.e == "hello" { connection.withLock { $0 = $0 ?? id } }
                model.withLock { $0.receive(event) }
            }
        } catch {
            throw CeleryError(status: 1, "cannot open the socket the Celery bridge reports to: \(error)")
        }
        sink = ClusterSink(model: model, listener: listener, settings: ClusterSink.Settings(
            lockEnabled: configuration.lockEnabled, criticalSectionNanos: configuration.criticalSectionNanos, timeScale: configuration.timeScale))
        driver = ScenarioDriver(scenario: scenario, sink: sink, arrivalsEnabled: arrivalsEnabled && !watchOnly)
        listener.exportEnvironment(probeDirectory: probeDirectory)
        do throws(CeleryError) {
            bridge = try CeleryBridgeProcess(interpreter: interpreter, python: python, broker: broker, watchOnly: watchOnly) { ended in
                model.withLock { $0.log(MonotonicClock.now(), .workerCrashed, "the Celery bridge \(ended)") }
            }
        } catch {
            listener.close()
            throw error
        }
        // The listener learns the bridge's connection from its hello; the sink sends on it.
        let deadline = MonotonicClock.now() &+ timeoutNanos
        while true {
            if let id = connection.withLock({ $0 }) { sink.connection.withLock { $0 = id } }
            let (ready, fatal) = model.withLock { ($0.bridgeReady, $0.fatal) }
            if ready, sink.connection.withLock({ $0 }) != nil { break }
            if let ended = bridge.exit {
                listener.close()
                throw CeleryError(status: 1, fatal ?? bridge.lastLogLine ?? "the Celery bridge \(ended)")
            }
            if let fatal {
                stopBridge()
                throw CeleryError(status: 1, fatal)
            }
            if MonotonicClock.now() >= deadline {
                stopBridge()
                throw CeleryError(status: 1, "the Celery bridge did not report the cluster at \(Self.masked(broker)) within \(timeoutNanos / 1_000_000_000) s (its log: \(bridgeLogPath))")
            }
            MonotonicClock.sleep(until: MonotonicClock.now() &+ 20_000_000)
        }
        model.withLock { model in
            model.log(MonotonicClock.now(), .settingChanged, "connected to Celery \(model.celeryVersion ?? "") at \(Self.masked(broker)): "
                      + "\(model.nodes.values.filter(\.online).count) workers, \(model.capacity) processes")
        }
        // The shared counter counts this session's tasks: it starts at 0 with the expected count.
        if !watchOnly, !readCounter(command: "reset") {
            model.withLock { $0.log(MonotonicClock.now(), .workerCrashed, "the shared counter could not be reset: it may count earlier runs") }
        }
    }

    /// Asks the bridge for the counter's value now (`counter`) or to zero it (`reset`), and waits
    /// for the answer, at most `timeoutNanos`; false when none came.
    @discardableResult
    public func readCounter(command: String = "counter", timeoutNanos: UInt64 = 2_000_000_000) -> Bool {
        let before = model.withLock { model in
            if command == "reset" { model.awaitingReset = true }
            return model.counterReadings
        }
        guard sink.send("{\"c\":\"\(command)\"}") else { return false }
        let deadline = MonotonicClock.now() &+ timeoutNanos
        while model.withLock({ $0.counterReadings }) == before {
            if MonotonicClock.now() >= deadline { return false }
            MonotonicClock.sleep(until: MonotonicClock.now() &+ 5_000_000)
        }
        return true
    }

    /// Starts firing the scenario's bursts, on a thread of the session's own.
    @discardableResult
    public func start() -> Bool {
        guard !started.withLock({ was in defer { was = true }; return was }) else { return true }
        let driver = driver
        return ThreadLauncher.start { driver.run() }
    }

    /// True once every task sent has ended (completed or failed) and the driver is done.
    public var isSettled: Bool {
        driver.isFinished && model.withLock { $0.tasks.isEmpty && $0.requests.isEmpty }
    }

    /// The hosts the online workers run on.
    public var hosts: [String] { model.withLock { $0.hosts.sorted() } }

    /// Tasks delivered again after their worker died, and tasks whose worker died under them.
    public var redeliveries: (redelivered: Int, lost: Int) { model.withLock { ($0.redelivered, $0.lost) } }

    /// The shared counter as Redis holds it and as the finished tasks should have left it.
    public var counter: CounterStats { model.withLock { $0.counterAtReading } }

    // MARK: - PoolSource

    /// Resize (`pool_grow`/`pool_shrink`), bursts and arrivals, the work kind, the lock, the
    /// critical section, the time scale, statistics. Not mode, the GIL, or killing a worker (pooltop does not own the hosts).
    public var capabilities: SourceCapabilities {
        if watchOnly { return SourceCapabilities(commands: [.resize, .resetStatistics], modes: []) }
        return SourceCapabilities(commands: [.resize, .fireBurst, .setArrivalsEnabled, .setWorkKind, .setLockEnabled, .setTimeScale,
                                      .setCriticalSection, .resetStatistics], modes: [])
    }

    public func snapshot(latencyMaxAgeNanos: UInt64) -> PoolSnapshot {
        let now = MonotonicClock.now()
        let model = self.model.withLock { $0 }
        let settings = sink.settings.withLock { $0 }
        let rate = rates.withLock { rate -> (Double, Double) in
            if now &- rate.at >= 250_000_000 {
                let seconds = Double(now &- rate.at) / 1e9
                if rate.at != 0 {
                    rate.tasksPerSecond = Double(model.completed + model.failed - rate.tasks) / seconds
                    rate.requestsPerSecond = Double(model.requestsCompleted + model.requestsFailed - rate.requests) / seconds
                }
                rate.at = now
                rate.tasks = model.completed + model.failed
                rate.requests = model.requestsCompleted + model.requestsFailed
            }
            return (rate.tasksPerSecond, rate.requestsPerSecond)
        }
        let summaries = latencies.withLock { cache -> [LatencySummary] in
            if let cache, latencyMaxAgeNanos > 0, now &- cache.at < latencyMaxAgeNanos { return cache.summaries }
            let fresh = [model.queueWaits, model.serviceTimes, model.requestTimes].map(WatchedPool.summary)
            cache = (now, fresh)
            return fresh
        }
        // A process that left (a shrink, a worker gone offline) leaves the slots; one that died
        // under a task stays as lost until a new process takes its place.
        let slots = model.workers.filter { !$0.gone || $0.lost }.map { worker -> SlotState in
            let phase: SlotPhase = worker.lost ? .crashed : worker.gone ? .empty : worker.task == nil ? .idle : .busy
            let task = worker.task.flatMap { model.tasks[$0] }
            return SlotState(phase: phase, requestID: task?.request ?? 0, taskIndex: task?.index ?? 0,
                             phaseSinceNanos: worker.since &- min(worker.since, origin), worker: worker.label)
        }
        let waiting = model.tasks.values.filter { $0.startedAt == nil }.sorted { $0.sentAt < $1.sentAt }
        let running = model.tasks.count - waiting.count
        let totals = TaskTotals(accepted: model.sent, completed: model.completed, failed: model.failed, cancelled: 0,
                                running: running, queued: waiting.count, rejected: model.rejected)
        let online = model.nodes.values.filter(\.online).count
        let hosts = model.hosts.count
        var title = "Celery at \(Self.masked(broker)): \(online) worker\(online == 1 ? "" : "s") on \(hosts) host\(hosts == 1 ? "" : "s")"
        // The broker's own queue: the tasks sent and not started, less those a worker has taken
        // ahead (prefetched) and plus any other sender's.
        title += ", broker queue \(model.queueDepth)"
        if model.redelivered > 0 { title += ", \(model.redelivered) redelivered" }
        // Goetz's C from the kind of work sent (a cpu task burns its cost), W from the measured rest.
        let work = driver.status.task
        let compute = Double(work.costNanos) * settings.timeScale * work.cpuFraction
        let blocked = max(0, summaries[1].mean - compute)
        return PoolSnapshot(
            elapsedNanos: now &- origin,
            configuration: PoolConfiguration(mode: .processes, cap: max(1, model.capacity), lockEnabled: settings.lockEnabled,
                                             criticalSectionNanos: settings.criticalSectionNanos, timeScale: settings.timeScale),
            cores: MonotonicClock.cores, slots: slots, liveWorkers: model.workers.filter { !$0.gone }.count,
            peakBusy: model.peakBusy, totals: totals, peakQueueDepth: max(model.peakQueue, waiting.count),
            queueHead: waiting.prefix(64).map { QueuedTask(tag: TaskTag(requestID: $0.request, taskIndex: $0.index),
                                                            waitedNanos: now &- min(now, $0.sentAt)) },
            tasksPerSecond: rate.0, requestsPerSecond: rate.1, lock: model.lock,
            counter: model.counterAtReading,
            queueWait: summaries[0], service: summaries[1],
            requests: RequestStats(arrived: model.requestsArrived, completed: model.requestsCompleted, failed: model.requestsFailed,
                                   latency: summaries[2]),
            meanComputeNanos: summaries[1].count == 0 ? 0 : compute, meanBlockedNanos: summaries[1].count == 0 ? 0 : blocked,
            workers: WorkerProcessStats(spawned: model.workers.count, crashed: model.lost),
            events: model.events, workload: watchOnly ? nil : driver.status, sourceTitle: title,
            sourceStatus: model.brokerLost.map { "broker lost: \($0) · reconnecting" }, modeLabel: "celery",
            systemNote: "The workers run on their own hosts (\(model.hosts.sorted().joined(separator: ", "))): "
                + "\(model.workers.filter { !$0.gone }.count) pool processes in \(online) workers. "
                + "Their CPU and memory: celery -A pooltop_celery.app inspect stats.")
    }

    public func perform(_ command: PoolCommand) -> CommandReply {
        switch command {
        case .resize(let workers):
            guard sink.send("{\"c\":\"resize\",\"workers\":\(workers)}") else { return .refused(reason: "the bridge to Celery is not connected") }
        case .fireBurst where watchOnly, .setArrivalsEnabled where watchOnly, .setWorkKind where watchOnly, .setLockEnabled where watchOnly,
             .setTimeScale where watchOnly, .setCriticalSection where watchOnly:
            return .refused(reason: "pooltop watches this app's own tasks: it sends none of its own")
        case .setLimiter:
            return .refused(reason: "an adaptive limiter moves pooltop's own pool's cap; a Celery cluster's pools grow and shrink by their own autoscaler")
        case .fireBurst:
            driver.fireBurst()
        case .setArrivalsEnabled(let on):
            driver.setArrivalsEnabled(on)
        case .setWorkKind(let kind):
            driver.setWorkKind(kind)
        case .setLockEnabled(let on):
            sink.settings.withLock { $0.lockEnabled = on }
        case .setTimeScale(let scale):
            sink.settings.withLock { $0.timeScale = PoolLimits.clampTimeScale(scale) }
        case .setCriticalSection(let nanos):
            setCriticalSection(nanos: nanos)
        case .resetStatistics:
            model.withLock { model in
                model.queueWaits = []
                model.serviceTimes = []
                model.requestTimes = []
                model.lock = LockStats()
                model.counterExpected = 0
                model.awaitingReset = true
            }
            sink.send("{\"c\":\"reset\"}")
        case .setRejectPolicy: return .refused(reason: "a Celery queue lives in the broker: it has no bound to reject at")
        case .switchMode: return .refused(reason: "a Celery cluster runs the pools its workers were started with")
        case .setInterpreterLockEnabled: return .refused(reason: "each Celery worker process has its own interpreter")
        case .killWorker: return .refused(reason: "pooltop does not own the cluster's hosts: stop a worker with celery control shutdown")
        }
        return .accepted
    }

    /// Every task sent from now on carries `nanos` (clamped to `PoolLimits.criticalSection`) as
    /// its critical section (`cs_ms`); tasks already sent keep theirs. Logs the change.
    private func setCriticalSection(nanos: UInt64) {
        let clamped = PoolLimits.clampCriticalSection(nanos)
        let before = sink.settings.withLock { settings in
            defer { settings.criticalSectionNanos = clamped }
            return settings.criticalSectionNanos
        }
        let now = MonotonicClock.now()
        model.withLock { model in
            model.log(now, .settingChanged, "critical section \(DurationText.format(nanoseconds: before)) → "
                      + "\(DurationText.format(nanoseconds: clamped)) for tasks sent from now on")
        }
    }

    public var recentEvents: [PoolEvent] { model.withLock { $0.events } }

    public func keepTaskEvents(_ keep: Bool) {}

    public func takeTaskEvents() -> [TaskEvent] { [] }

    /// Stops sending, tells the bridge to stop, and waits a moment for it.
    public func stop() {
        driver.stop()
        stopBridge()
    }

    private func stopBridge() {
        if bridge.exit == nil {
            _ = sink.send("{\"c\":\"stop\"}")
            bridge.waitForExit(killingAfter: 2_000_000_000)
        }
        listener.close()
    }

    // MARK: - Starting

    /// Watches the Celery app behind `broker` (`pooltop watch --celery`): its own tasks, colored by
    /// task name, and `+`/`-` on its workers' pools; pooltop sends nothing.
    public convenience init(watching broker: String) throws(CeleryError) {
        try self.init(broker: broker, scenario: Scenario(), configuration: PoolConfiguration(), arrivalsEnabled: false, watchOnly: true)
    }

    /// `broker` with its password, if it has one, as `***`.
    static func masked(_ broker: String) -> String {
        guard let at = broker.lastIndex(of: "@"), let scheme = broker.range(of: "://"), scheme.upperBound < at,
              let colon = broker[scheme.upperBound..<at].firstIndex(of: ":") else { return broker }
        return String(broker[..<broker.index(after: colon)]) + "***" + String(broker[at...])
    }
}
