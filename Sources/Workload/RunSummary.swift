import PoolCore

/// The result of a headless run, in the shape of the `pooltop.run/1` JSON schema.
///
/// Key names are fixed: scripts outside the project read them.
public struct RunSummary: Sendable, Encodable, Hashable {
    public struct ScenarioPart: Sendable, Encodable, Hashable {
        public var mode: String, cap: Int, requests: Int, fanout: Int, task: String
        public var lock: Bool, gil: Bool, seed: UInt64
        public var arrival: String, bursts: Int, costDist: String, slowmo: Double
        public var queueBound: Int?, rejectPolicy: String, ceiling: Int, criticalSectionUs: Double
    }
    public struct TasksPart: Sendable, Encodable, Hashable {
        public var accepted: Int, completed: Int, failed: Int, cancelled: Int, rejected: Int, callerRuns: Int, retried: Int
        /// Celery mode: tasks the broker delivered again after their worker died (absent elsewhere).
        public var redelivered: Int?
    }
    public struct Percentiles: Sendable, Encodable, Hashable {
        public var p50: Double, p90: Double, p99: Double, max: Double
    }
    public struct RequestsPart: Sendable, Encodable, Hashable {
        public var arrived: Int, completed: Int, failed: Int
        public var latencyMs: Percentiles
    }
    public struct QueuePart: Sendable, Encodable, Hashable {
        public struct Wait: Sendable, Encodable, Hashable { public var p50: Double, p99: Double }
        public var peakDepth: Int
        public var waitMs: Wait
    }
    public struct LockPart: Sendable, Encodable, Hashable {
        public var enabled: Bool, acquisitions: Int, contended: Int
        public var waitMsTotal: Double, waitMsMax: Double, holdMsTotal: Double
    }
    public struct CounterPart: Sendable, Encodable, Hashable {
        public var expected: Int, actual: Int, lostUpdates: Int
    }
    public struct InterpreterLockPart: Sendable, Encodable, Hashable {
        public var enabled: Bool, acquisitions: Int, contended: Int, waitMsTotal: Double
    }
    /// Process mode's worker processes (all zero in the other modes).
    public struct WorkersPart: Sendable, Encodable, Hashable {
        public var spawned: Int, crashed: Int, replaced: Int, spawnFailures: Int, recoveredLocks: Int
        public var startupMsMax: Double
        /// Celery mode: the hosts the cluster's workers run on (absent elsewhere).
        public var hosts: [String]?
    }

    /// What the adaptive limiter did (absent with a fixed cap).
    public struct LimitPart: Sendable, Encodable, Hashable {
        public var algorithm: String
        /// The cap it set last, and the lowest and highest it set during the run.
        public var final: Int, minSeen: Int, maxSeen: Int
        /// How many times it moved the cap.
        public var changes: Int
        /// The bounds it moved within (`--limit-min`, `--limit-max`).
        public var minimum: Int, maximum: Int
        /// Samples it learned from, and drops among them.
        public var samples: Int, drops: Int
    }

    public var schema = "pooltop.run/1"
    public var scenario: ScenarioPart
    public var tasks: TasksPart
    public var requests: RequestsPart
    public var peakBusy: Int
    public var peakThreads: Int
    public var ceilingHit: Bool
    public var wallSeconds: Double
    public var idealSeconds: Double
    public var efficiency: Double
    public var throughputTasksPerSecond: Double
    public var queue: QueuePart
    public var lock: LockPart
    public var counter: CounterPart
    public var gil: InterpreterLockPart
    public var workers: WorkersPart
    public var cpuPercent: Double
    public var cores: Int
    public var limit: LimitPart?

    enum CodingKeys: String, CodingKey {
        case schema, scenario, tasks, requests, counter, queue, lock, gil, workers, cores, limit
        case peakBusy = "peak_busy", peakThreads = "peak_threads", ceilingHit = "ceiling_hit"
        case wallSeconds = "wall_seconds", idealSeconds = "ideal_seconds", efficiency
        case throughputTasksPerSecond = "throughput_tasks_per_second", cpuPercent = "cpu_percent"
    }
}

extension RunSummary.ScenarioPart {
    enum CodingKeys: String, CodingKey {
        case mode, cap, requests, fanout, task, lock, gil, seed, arrival, bursts, slowmo, ceiling
        case costDist = "cost_dist", queueBound = "queue_bound", rejectPolicy = "reject_policy"
        case criticalSectionUs = "critical_section_us"
    }
}

extension RunSummary.LimitPart {
    enum CodingKeys: String, CodingKey {
        case algorithm, final, changes, minimum, maximum, samples, drops
        case minSeen = "min_seen", maxSeen = "max_seen"
    }
}

extension RunSummary.TasksPart {
    enum CodingKeys: String, CodingKey {
        case accepted, completed, failed, cancelled, rejected, retried, redelivered
        case callerRuns = "caller_runs"
    }
}

extension RunSummary.RequestsPart {
    enum CodingKeys: String, CodingKey {
        case arrived, completed, failed
        case latencyMs = "latency_ms"
    }
}

extension RunSummary.QueuePart {
    enum CodingKeys: String, CodingKey {
        case peakDepth = "peak_depth", waitMs = "wait_ms"
    }
}

extension RunSummary.LockPart {
    enum CodingKeys: String, CodingKey {
        case enabled, acquisitions, contended
        case waitMsTotal = "wait_ms_total", waitMsMax = "wait_ms_max", holdMsTotal = "hold_ms_total"
    }
}

extension RunSummary.CounterPart {
    enum CodingKeys: String, CodingKey {
        case expected, actual
        case lostUpdates = "lost_updates"
    }
}

extension RunSummary.WorkersPart {
    enum CodingKeys: String, CodingKey {
        case spawned, crashed, replaced, hosts
        case spawnFailures = "spawn_failures", recoveredLocks = "recovered_locks", startupMsMax = "startup_ms_max"
    }
}

extension RunSummary.InterpreterLockPart {
    enum CodingKeys: String, CodingKey {
        case enabled, acquisitions, contended
        case waitMsTotal = "wait_ms_total"
    }
}
