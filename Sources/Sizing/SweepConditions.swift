import PoolCore
/// What a sweep's workload and pool were like: what the explanation of its recommendation rests on.
public struct SweepConditions: Sendable, Hashable {
    /// Cores of the machine.
    public var cores: Int
    /// Whether the interpreter-lock emulation was on (CPU work runs one thread at a time).
    public var interpreterLock: Bool
    /// The mean number of busy workers the arrivals ask for, by Little's law (task arrival rate ×
    /// mean task time); nil when the arrivals put no limit on it (a burst arriving all at once).
    public var offeredConcurrency: Double?
    /// The workload in words, e.g. `200 requests × 5 tasks of io:20ms within 1s`.
    public var workload: String
    /// How the tasks arrive, for the queueing model; nil leaves the model out.
    public var arrivals: ArrivalModel?
    /// The nominal time of one task in seconds (its cost, stretched by the time scale); the model
    /// uses it where a point has no measured service time. 0 when unknown.
    public var taskSeconds: Double
    /// True when every task costs the same (a fixed cost distribution), which the model notes:
    /// Erlang C assumes exponential task times.
    public var fixedTaskTimes: Bool

    /// Creates the conditions of a sweep.
    public init(cores: Int, interpreterLock: Bool = false, offeredConcurrency: Double? = nil, workload: String = "",
                arrivals: ArrivalModel? = nil, taskSeconds: Double = 0, fixedTaskTimes: Bool = false) {
        self.cores = cores
        self.interpreterLock = interpreterLock
        self.offeredConcurrency = offeredConcurrency
        self.workload = workload
        self.arrivals = arrivals
        self.taskSeconds = taskSeconds
        self.fixedTaskTimes = fixedTaskTimes
    }
}
