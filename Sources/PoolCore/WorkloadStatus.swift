/// What the request generator is doing: shown in the header's burst bar.
public struct WorkloadStatus: Sendable, Hashable, Codable {
    /// The task every request fans out into.
    public var task: TaskSpec
    public var fanout: Int
    /// Requests of the current burst submitted so far, and the burst's size.
    public var burstSubmitted: Int
    public var burstSize: Int
    /// Bursts fired so far.
    public var burstsFired: Int
    /// Whether a new burst arrives every interval.
    public var arrivalsEnabled: Bool
    /// Nanoseconds until the next scheduled burst, when arrivals are on.
    public var nextBurstInNanos: UInt64?
    /// Requests per second when they arrive as a Poisson stream (`--arrival poisson:RATE`), for
    /// the queueing model beside the measurement; nil for bursts.
    public var poissonRate: Double?
    /// The time a burst's requests arrive within (`--burst-window`); nil for Poisson arrivals.
    public var burstWindowNanos: UInt64?

    public init(task: TaskSpec, fanout: Int, burstSubmitted: Int = 0, burstSize: Int = 0, burstsFired: Int = 0,
                arrivalsEnabled: Bool = false, nextBurstInNanos: UInt64? = nil, poissonRate: Double? = nil,
                burstWindowNanos: UInt64? = nil) {
        self.burstWindowNanos = burstWindowNanos
        self.poissonRate = poissonRate
        self.task = task
        self.fanout = fanout
        self.burstSubmitted = burstSubmitted
        self.burstSize = burstSize
        self.burstsFired = burstsFired
        self.arrivalsEnabled = arrivalsEnabled
        self.nextBurstInNanos = nextBurstInNanos
    }

    /// How far the current burst has been submitted, 0...1.
    public var burstProgress: Double {
        burstSize == 0 ? 0 : Double(burstSubmitted) / Double(burstSize)
    }
}
