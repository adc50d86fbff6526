import PoolCore

/// One line of `pooltop run --stream`: the pool at one sample, schema `pooltop.sample/1`.
public struct SampleRecord: Sendable, Encodable, Hashable {
    public var schema = "pooltop.sample/1"
    public var elapsedSeconds: Double
    public var mode: String
    public var cap: Int
    public var busy: Int
    public var queued: Int
    public var threads: Int
    public var accepted: Int
    public var completed: Int
    public var failed: Int
    public var cancelled: Int
    public var rejected: Int
    public var tasksPerSecond: Double
    public var requestsInService: Int
    public var requestsCompleted: Int
    public var lockContention: Double
    public var lockWaiters: Int
    public var counterExpected: Int
    public var counterActual: Int
    public var cpuPercent: Double
    /// The adaptive limiter's own limit and its recent RTT in ms (absent with a fixed cap).
    public var limit: Double?
    public var limitRttMs: Double?

    /// The record for `snapshot`.
    public init(_ snapshot: PoolSnapshot) {
        elapsedSeconds = Double(snapshot.elapsedNanos) / 1e9
        mode = snapshot.configuration.mode.rawValue
        cap = snapshot.configuration.cap
        busy = snapshot.busy
        queued = snapshot.queueDepth
        threads = snapshot.process.threads
        accepted = snapshot.totals.accepted
        completed = snapshot.totals.completed
        failed = snapshot.totals.failed
        cancelled = snapshot.totals.cancelled
        rejected = snapshot.totals.rejected
        tasksPerSecond = snapshot.tasksPerSecond
        requestsInService = snapshot.requests.inService
        requestsCompleted = snapshot.requests.completed
        lockContention = snapshot.lock.contentionRatio
        lockWaiters = snapshot.lock.waiters
        counterExpected = snapshot.counter.expected
        counterActual = snapshot.counter.actual
        cpuPercent = snapshot.process.cpuPercent
        limit = snapshot.limiter?.limit
        limitRttMs = snapshot.limiter.map { $0.rttNanos / 1e6 }
    }

    enum CodingKeys: String, CodingKey {
        case schema, mode, cap, limit, busy, queued, threads, accepted, completed, failed, cancelled, rejected
        case elapsedSeconds = "elapsed_seconds", tasksPerSecond = "tasks_per_second"
        case requestsInService = "requests_in_service", requestsCompleted = "requests_completed"
        case lockContention = "lock_contention", lockWaiters = "lock_waiters"
        case counterExpected = "counter_expected", counterActual = "counter_actual", cpuPercent = "cpu_percent"
        case limitRttMs = "limit_rtt_ms"
    }
}
