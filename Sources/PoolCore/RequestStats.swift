/// Requests as a whole: a request is in service from its arrival until its last task ends.
public struct RequestStats: Sendable, Hashable, Codable {
    /// Requests that have arrived.
    public var arrived: Int
    /// Requests whose every task has ended.
    public var completed: Int
    /// Requests with at least one task that failed, was cancelled or was rejected.
    public var failed: Int
    /// Arrived and not yet completed.
    public var inService: Int { Swift.max(0, arrived - completed - failed) }
    /// Arrival of the request to the end of its last task.
    public var latency: LatencySummary

    public init(arrived: Int = 0, completed: Int = 0, failed: Int = 0, latency: LatencySummary = .empty) {
        self.arrived = arrived
        self.completed = completed
        self.failed = failed
        self.latency = latency
    }
}
