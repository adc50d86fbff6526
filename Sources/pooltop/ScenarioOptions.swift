import ArgumentParser
import PoolCore
import Sessions
import Workload

/// The options that describe a scenario, shared by the dashboard, `run`, `render` and `sweep`.
struct ScenarioOptions: ParsableArguments {
    @Option(help: "Pool mode: threads (a fixed pool of OS threads), processes (worker processes: pooltop re-run as `pooltop worker`), unbounded (a new thread per task, up to --ceiling) or celery (the Celery cluster at --broker).")
    var mode: SourceMode = .threads

    @Option(help: ArgumentHelp("Celery mode: the Redis broker of the cluster (its workers run `celery -A pooltop_celery.app worker`).", valueName: "redis://host:port/db"))
    var broker: String?

    @Option(help: "The pool's cap: at most this many tasks run at once (1...4096).")
    var cap: Int = 50

    @Option(help: "Requests per burst.")
    var requests: Int = 500

    @Option(help: "Tasks each request fans out into (1...1000).")
    var fanout: Int = 5

    @Option(help: ArgumentHelp("What each task does: io:DURATION blocks, cpu:DURATION burns CPU, mixed:DURATION:CPU% does both.", valueName: "kind:duration"),
            transform: TaskSpec.validated)
    var task: TaskSpec = TaskSpec(kind: .io, costNanos: 50_000_000)

    @Option(name: .customLong("cost-dist"), help: "How task costs vary around the mean: fixed, uniform (0.5–1.5×) or exp (exponential, long tail).")
    var costDistribution: CostDistribution = .fixed

    @Option(help: ArgumentHelp("How requests arrive: burst (within --burst-window) or poisson:RATE (requests per second).", valueName: "burst|poisson:rate"))
    var arrival: String = "burst"

    @Option(name: .customLong("burst-window"), help: ArgumentHelp("A burst's requests arrive within this time (0 = all at once).", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var burstWindow: Duration = Duration(nanoseconds: 1_000_000_000)

    @Option(help: "How many bursts to fire (run, render and sweep; the dashboard fires one every --interval until stopped).")
    var bursts: Int = 1

    @Option(help: ArgumentHelp("Time from one burst's start to the next.", valueName: "duration"), transform: { try Duration(parsing: $0) })
    var interval: Duration = Duration(nanoseconds: 5_000_000_000)

    @Flag(inversion: .prefixedNo, help: "Whether each task takes the shared lock to update the shared counter (--no-lock lets the updates race).")
    var lock = true

    @Option(name: .customLong("critical-section"), help: ArgumentHelp("Time spent inside the critical section per task.", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var criticalSection: Duration = Duration(nanoseconds: 20_000)

    @Flag(help: "Emulate CPython's global interpreter lock in thread mode: CPU work holds one lock, released every switch interval and around I/O.")
    var gil = false

    @Option(name: .customLong("switch-interval"), help: ArgumentHelp("How long CPU work holds the emulated GIL before offering it (CPython: 5ms).", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var switchInterval: Duration = Duration(nanoseconds: 5_000_000)

    @Option(name: .customLong("queue-bound"), help: "Bound the queue to this many tasks (default: unbounded).")
    var queueBound: Int?

    @Option(name: .customLong("reject-policy"), help: "What a full bounded queue does with a new task: abort, caller-runs, discard-newest or discard-oldest.")
    var rejectPolicy: RejectPolicy = .abort

    @Option(help: ArgumentHelp("An adaptive limiter that moves the cap from what it measures: aimd, vegas or gradient2 (Netflix's algorithms; fixed: none). `pooltop sweep` takes a list (aimd,vegas or all) and compares each with the fixed caps.", valueName: "algorithm"),
            transform: { text in try Result { () throws(ParseError) in try LimitAlgorithm.list(parsing: text) }.orValidationError() })
    var limit: [LimitAlgorithm] = [.fixed]

    @Option(name: .customLong("limit-min"), help: "The lowest cap the limiter sets (1...4096).")
    var limitMin: Int = LimitSettings.defaultMinimum

    @Option(name: .customLong("limit-max"), help: "The highest cap the limiter sets (1...4096).")
    var limitMax: Int = LimitSettings.defaultMaximum

    @Option(help: "Unbounded mode's safety ceiling on threads; past it tasks wait (1...4096).")
    var ceiling: Int = PoolConfiguration.defaultCeiling

    @Option(help: "Seed for arrivals and costs: the same seed replays the same workload.")
    var seed: UInt64 = 1

    @Option(help: "Slow motion: stretch every task's cost by this factor (e.g. 10 so a class can follow a burst).")
    var slowmo: Double = 1

    mutating func validate() throws {
        guard PoolLimits.cap.contains(cap) else { throw ValidationError("--cap must be between 1 and 4096, got \(cap)") }
        guard PoolLimits.cap.contains(ceiling) else { throw ValidationError("--ceiling must be between 1 and 4096, got \(ceiling)") }
        guard requests >= 1 else { throw ValidationError("--requests must be at least 1, got \(requests)") }
        guard PoolLimits.fanout.contains(fanout) else { throw ValidationError("--fanout must be between 1 and 1000, got \(fanout)") }
        guard bursts >= 1 else { throw ValidationError("--bursts must be at least 1, got \(bursts)") }
        guard PoolLimits.timeScale.contains(slowmo) else { throw ValidationError("--slowmo must be between 0.0625 and 64 (the range < and > move in), got \(slowmo)") }
        if let queueBound, queueBound < 1 { throw ValidationError("--queue-bound must be at least 1, got \(queueBound)") }
        guard interval.nanoseconds > 0 else { throw ValidationError("--interval must be above 0") }
        guard switchInterval.nanoseconds >= 50_000 else { throw ValidationError("--switch-interval must be at least 50us") }
        _ = try arrivalPattern()
        if let problem = limits.problem(mode: mode) { throw ValidationError(problem) }
        if mode == .celery, broker == nil { throw ValidationError("--mode celery needs --broker redis://HOST:PORT/DB") }
        if mode != .celery, broker != nil { throw ValidationError("--broker is for --mode celery") }
    }

    /// The Celery cluster at `--broker`, ready to run the scenario (`repeating` for the dashboard).
    func celerySession(repeating: Bool, arrivals: Bool = true) throws -> CelerySession {
        try CelerySession(broker: broker ?? "", scenario: scenario(repeating: repeating), configuration: configuration, arrivalsEnabled: arrivals)
    }

    /// The arrival pattern from `--arrival` and `--burst-window`.
    func arrivalPattern() throws -> ArrivalPattern {
        do { return try ArrivalPattern(parsing: arrival, burstWindowNanos: burstWindow.nanoseconds) } catch { throw ValidationError("--arrival: \(error)") }
    }

    /// What `--limit`, `--limit-min` and `--limit-max` ask for.
    var limits: LimitChoice { LimitChoice(named: limit, minimum: limitMin, maximum: limitMax) }

    /// Checks that `--limit` names at most one limiter (only `sweep` compares several).
    func requireOneLimiter() throws {
        if let problem = limits.severalProblem { throw ValidationError(problem) }
    }

    /// The pool configuration these options describe (with the first limiter `--limit` names).
    var configuration: PoolConfiguration {
        PoolConfiguration(mode: mode.poolMode, cap: cap, queueBound: queueBound, rejectPolicy: rejectPolicy, lockEnabled: lock,
                          criticalSectionNanos: criticalSection.nanoseconds, interpreterLockEnabled: gil,
                          switchIntervalNanos: switchInterval.nanoseconds, ceiling: ceiling, timeScale: slowmo,
                          limiter: limits.settings)
    }

    /// The scenario these options describe; `repeating` for the dashboard's endless bursts.
    func scenario(repeating: Bool) -> Scenario {
        Scenario(requests: requests, fanout: fanout, task: task, costDistribution: costDistribution,
                 arrival: (try? arrivalPattern()) ?? .burst(windowNanos: burstWindow.nanoseconds),
                 bursts: repeating ? nil : bursts, intervalNanos: interval.nanoseconds, seed: seed)
    }
}
