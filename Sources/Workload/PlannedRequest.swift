import PoolCore

/// One request of a burst: when it arrives (from the burst's start) and what its tasks cost.
public struct PlannedRequest: Sendable, Hashable {
    /// Nanoseconds after the burst's start.
    public var offsetNanos: UInt64
    /// One cost per task, in nanoseconds (before the time scale).
    public var taskCosts: [UInt64]

    public init(offsetNanos: UInt64, taskCosts: [UInt64]) {
        self.offsetNanos = offsetNanos
        self.taskCosts = taskCosts
    }
}
