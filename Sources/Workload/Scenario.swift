import PoolCore

/// A workload: how many requests, how each fans out into tasks, what the tasks do, how they arrive.
public struct Scenario: Sendable, Hashable, Codable, SchemaVersioned {
    /// The schema scenarios are written under (recordings and lessons name theirs).
    public static let schema = "pooltop.scenario/1"

    /// Requests per burst.
    public var requests: Int
    /// Tasks per request.
    public var fanout: Int
    public var task: TaskSpec
    public var costDistribution: CostDistribution
    public var arrival: ArrivalPattern
    /// Bursts to fire; nil for a new burst every `intervalNanos` until stopped (the dashboard).
    public var bursts: Int?
    /// Time from one burst's start to the next.
    public var intervalNanos: UInt64
    public var seed: UInt64

    public init(requests: Int = 500, fanout: Int = 5, task: TaskSpec = TaskSpec(kind: .io, costNanos: 50_000_000),
                costDistribution: CostDistribution = .fixed, arrival: ArrivalPattern = .burst(windowNanos: 1_000_000_000),
                bursts: Int? = 1, intervalNanos: UInt64 = 1_000_000_000, seed: UInt64 = 1) {
        self.requests = requests
        self.fanout = fanout
        self.task = task
        self.costDistribution = costDistribution
        self.arrival = arrival
        self.bursts = bursts
        self.intervalNanos = intervalNanos
        self.seed = seed
    }

    /// The classic demo: 500 requests × 5 tasks of 50 ms I/O arriving within a second, every 5 seconds.
    public static let classic = Scenario(bursts: nil, intervalNanos: 5_000_000_000)
}
