import PoolCore

/// Additive increase, multiplicative decrease (Netflix's `AIMDLimit`): a drop, or a task slower
/// than the timeout, multiplies the limit by the backoff ratio; otherwise, while at least half the
/// limit is in flight, the limit grows by one a sample.
public struct AIMDLimit: ConcurrencyLimit {
    /// The factor a drop multiplies the limit by (Netflix: 0.9, in 0.5 ..< 1).
    public let backoffRatio: Double
    /// A task that runs longer than this counts as a drop (Netflix: 5 s).
    public let timeoutNanos: UInt64
    /// The limits it stays within.
    public let bounds: ClosedRange<Int>
    private var current: Int

    /// AIMD starting at `initial`, within `bounds`.
    public init(initial: Int, bounds: ClosedRange<Int>, backoffRatio: Double = 0.9, timeoutNanos: UInt64 = 5_000_000_000) {
        self.bounds = bounds
        self.backoffRatio = backoffRatio
        self.timeoutNanos = timeoutNanos
        self.current = bounds.clamp(initial)
    }

    public var limit: Double { Double(current) }
    public var referenceRttNanos: Double? { Double(timeoutNanos) }

    public mutating func update(with sample: LimitSample) -> LimitDecision {
        let before = current
        let rule: LimitRule
        var next = current
        if sample.didDrop || sample.rttNanos > timeoutNanos {
            // Java's `(int) (currentLimit * backoffRatio)`: truncated.
            next = Int(Double(current) * backoffRatio)
            rule = sample.didDrop ? .droppedTask(factor: backoffRatio) : .timedOut(timeoutNanos: timeoutNanos, factor: backoffRatio)
        } else if sample.inFlight * 2 >= current {
            next = current + 1
            rule = .additiveIncrease
        } else {
            rule = .appLimited
        }
        current = bounds.clamp(next)
        return LimitDecision(from: Double(before), to: Double(current), rule: rule, rttNanos: sample.rttNanos, inFlight: sample.inFlight)
    }

    public mutating func restart(at limit: Int) {
        current = bounds.clamp(limit)
    }
}
