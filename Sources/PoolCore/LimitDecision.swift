/// What a limiter did with one sample: the limit before and after, and the rule it followed.
public struct LimitDecision: Sendable, Hashable, Codable {
    /// The algorithm's limit before the sample (Vegas and Gradient2 keep a fraction).
    public var from: Double
    /// The algorithm's limit after it.
    public var to: Double
    public var rule: LimitRule
    /// The sample's RTT in nanoseconds (0 for a drop).
    public var rttNanos: UInt64
    /// Tasks in flight in the sample.
    public var inFlight: Int

    public init(from: Double, to: Double, rule: LimitRule, rttNanos: UInt64, inFlight: Int) {
        self.from = from
        self.to = to
        self.rule = rule
        self.rttNanos = rttNanos
        self.inFlight = inFlight
    }

    /// True when the cap the limit stands for (its whole part) changed.
    public var changesCap: Bool { Int(from) != Int(to) }
}
