import PoolCore
import PoolEngine
import Workload

/// The live engine driven by a scenario: a `WorkerPool` and the `ScenarioDriver` that fires the
/// scenario's bursts into it, as one `PoolSource`.
///
/// Every command is routed by its case to the part that owns it (the pool or the driver); none is
/// tried on one and then the other. The driver keeps time on the session's clock: `start()` gives
/// it a thread of its own on a real clock; tests leave it unstarted and call `step()` instead.
public final class LiveSession: PoolSource {
    /// The pool the scenario runs in.
    public let pool: WorkerPool
    /// The scenario's request generator.
    public let driver: ScenarioDriver
    /// The scenario as it was given (the driver's work kind may have changed since: see `status`).
    public let scenario: Scenario
    /// The clock the driver's arrivals are timed by.
    public let clock: any FrameClock
    /// The adaptive limiter that moves the pool's cap, when one is on.
    public let limiter: LimitController
    private let started = LockedValue(false)
    /// Whether the limiter's thread runs, and whether it should stop.
    private let limiterThread = LockedValue((running: false, stopping: false))

    /// Starts a pool with `configuration` and a driver for `scenario` (not yet firing: call
    /// `start()`, or `step()` from a test).
    /// - Parameters:
    ///   - arrivalsEnabled: whether repeating bursts start on (the dashboard's `--no-arrivals`).
    ///   - clock: the driver's clock; the system clock unless a test injects one.
    ///   - workerCommand: how process mode starts a worker process.
    public init(configuration: PoolConfiguration, scenario: Scenario, arrivalsEnabled: Bool = true,
                clock: any FrameClock = SystemClock(), workerCommand: WorkerCommand = .standard) {
        self.pool = WorkerPool(configuration: configuration, workerCommand: workerCommand)
        self.scenario = scenario
        self.clock = clock
        self.driver = ScenarioDriver(scenario: scenario, sink: pool, arrivalsEnabled: arrivalsEnabled,
                                     clock: { [clock] in clock.nowNanos })
        self.limiter = LimitController(pool: pool, seed: scenario.seed)
    }

    /// Starts the driver on a thread of its own, sleeping on the session's clock between arrivals.
    /// - Returns: false when the system refused the thread (nothing will arrive).
    @discardableResult
    public func start() -> Bool {
        guard !started.withLock({ was in defer { was = true }; return was }) else { return true }
        let driver = driver, clock = clock
        if limiter.isOn { startLimiterThread() }
        return ThreadLauncher.start { driver.run(sleep: { clock.sleep(until: $0) }) }
    }

    /// Starts the thread that steps the limiter every `LimitController.stepNanos` on the session's
    /// clock, unless it runs already (it runs from the first limiter on until `stop()`).
    private func startLimiterThread() {
        guard limiterThread.withLock({ thread in
            defer { thread.running = true }
            return !thread.running && !thread.stopping
        }) else { return }
        let limiter = limiter, clock = clock, thread = limiterThread
        let launched = ThreadLauncher.start(stackBytes: 128 * 1024) {
            var next = clock.nowNanos
            while !thread.withLock({ $0.stopping }) {
                next += LimitController.stepNanos
                clock.sleep(until: next)
                limiter.step()
            }
        }
        if !launched { limiterThread.withLock { $0.running = false } }
    }

    /// Submits whatever the scenario has due at the clock's time now (tests that step time).
    /// - Returns: when the next arrival is due, if one is scheduled.
    @discardableResult
    public func step() -> UInt64? {
        driver.step()
    }

    // MARK: - PoolSource

    /// Every command; the modes this machine can run.
    public var capabilities: SourceCapabilities {
        SourceCapabilities(commands: Set(PoolCommand.Kind.allCases), modes: pool.availableModes)
    }

    public func snapshot(latencyMaxAgeNanos: UInt64) -> PoolSnapshot {
        let workload = driver.status
        return limiter.stamp { pool.snapshot(latencyMaxAgeNanos: latencyMaxAgeNanos, workload: workload) }
    }

    @discardableResult
    public func perform(_ command: PoolCommand) -> CommandReply {
        switch command {
        case .resize(let cap):
            limiter.setCapByHand(cap)
        case .setLimiter(let settings):
            if settings.algorithm.isAdaptive, pool.configuration.mode == .unbounded {
                return .refused(reason: "unbounded mode has no cap for a limiter to move: m to threads or processes first")
            }
            limiter.select(settings)
            if limiter.isOn, started.withLock({ $0 }) { startLimiterThread() }
        case .switchMode(let mode):
            guard pool.switchMode(to: mode) else {
                return .refused(reason: "\(mode.rawValue) mode is not available here (the shared memory it needs could not be made)")
            }
        case .setLockEnabled(let on):
            pool.setLockEnabled(on)
        case .setInterpreterLockEnabled(let on):
            pool.setInterpreterLockEnabled(on)
        case .setTimeScale(let scale):
            pool.setTimeScale(scale)
        case .setRejectPolicy(let policy):
            pool.setRejectPolicy(policy)
        case .setCriticalSection(let nanos):
            pool.setCriticalSection(nanos: nanos)
        case .resetStatistics:
            pool.resetStatistics()
        case .killWorker:
            guard pool.killRandomWorker() else {
                return .refused(reason: "k kills a worker process: switch to process mode first (m)")
            }
        case .setWorkKind(let kind):
            driver.setWorkKind(kind)
        case .fireBurst:
            driver.fireBurst()
        case .setArrivalsEnabled(let on):
            driver.setArrivalsEnabled(on)
        }
        return .accepted
    }

    public var recentEvents: [PoolEvent] { pool.recentEvents }

    public func keepTaskEvents(_ keep: Bool) {
        pool.keepTaskEvents(keep)
    }

    public func takeTaskEvents() -> [TaskEvent] {
        pool.takeTaskEvents()
    }

    /// Ends the limiter's thread (within a step); the cap stays where the limiter left it.
    public func stopLimiterThread() {
        limiterThread.withLock { $0.stopping = true }
    }

    /// Stops the arrivals and terminates the pool (queued tasks are cancelled, running ones end).
    public func stop() {
        stopLimiterThread()
        driver.stop()
        pool.terminate()
    }

    // MARK: - What the sweeps copy

    /// The pool's settings now (cap, mode, lock, time scale as changed by commands).
    public var configuration: PoolConfiguration { pool.configuration }

    /// The scenario as it runs now: the work kind as last changed.
    public var currentScenario: Scenario {
        var copy = scenario
        copy.task = driver.status.task
        return copy
    }
}
