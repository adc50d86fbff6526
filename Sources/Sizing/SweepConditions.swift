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

    /// Creates the conditions of a sweep.
    public init(cores: Int, interpreterLock: Bool = false, offeredConcurrency: Double? = nil, workload: String = "") {
        self.cores = cores
        self.interpreterLock = interpreterLock
        self.offeredConcurrency = offeredConcurrency
        self.workload = workload
    }
}
