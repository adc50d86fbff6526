/// Where an adaptive limiter stands: the limit it keeps, the cap it set, what it measured and the
/// rule it last followed. Part of every snapshot while a limiter is on, so a recording keeps the
/// series and a replay draws the limiter panel.
public struct LimiterStatus: Sendable, Hashable, Codable {
    public var settings: LimitSettings
    /// The algorithm's own limit (a fraction for Vegas and Gradient2).
    public var limit: Double
    /// The cap the limiter set: the limit's whole part, within the bounds.
    public var cap: Int
    /// The recent RTT (a short moving average of the tasks' times in service), in nanoseconds.
    public var rttNanos: Double
    /// What the algorithm compares the RTT with: Vegas's no-load RTT, Gradient2's long-term RTT,
    /// AIMD's timeout; nil before the first sample.
    public var referenceRttNanos: Double?
    /// Samples taken and drops among them since the limiter was turned on.
    public var samples: Int
    public var drops: Int
    /// The lowest and highest cap set, and how many times the cap moved, since it was turned on.
    public var minSeen: Int
    public var maxSeen: Int
    public var changes: Int
    /// The rule applied to the newest sample.
    public var decision: LimitDecision?
    /// The newest decision that moved the cap, and when (nanoseconds since the pool started).
    public var lastChange: LimitDecision?
    public var lastChangeNanos: UInt64?

    public init(settings: LimitSettings, limit: Double, cap: Int, rttNanos: Double = 0,
                referenceRttNanos: Double? = nil, samples: Int = 0, drops: Int = 0, minSeen: Int? = nil, maxSeen: Int? = nil,
                changes: Int = 0, decision: LimitDecision? = nil, lastChange: LimitDecision? = nil, lastChangeNanos: UInt64? = nil) {
        self.settings = settings
        self.limit = limit
        self.cap = cap
        self.rttNanos = rttNanos
        self.referenceRttNanos = referenceRttNanos
        self.samples = samples
        self.drops = drops
        self.minSeen = minSeen ?? cap
        self.maxSeen = maxSeen ?? cap
        self.changes = changes
        self.decision = decision
        self.lastChange = lastChange
        self.lastChangeNanos = lastChangeNanos
    }
}
