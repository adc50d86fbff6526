import PoolCore

/// Netflix's `Gradient2Limit`: the gradient `tolerance × longRTT / RTT`, clamped to 0.5…1, scales
/// the limit and a queue allowance is added (`gradient × limit + queueSize`), smoothed; the long
/// RTT is an exponential average over `longWindow` samples, cut by 5 % whenever it stands above
/// twice the RTT so it recovers quickly after a spell of overload. It does not use drops.
public struct Gradient2Limit: ConcurrencyLimit {
    /// How far each new limit moves towards the rule's (Netflix: 0.2).
    public let smoothing: Double
    /// How much the RTT may exceed the long RTT before the limit shrinks (Netflix: 1.5).
    public let tolerance: Double
    /// Tasks allowed to queue on top of the gradient's share (Netflix: 4).
    public let queueSize: Double
    /// The limits it stays within.
    public let bounds: ClosedRange<Int>
    private var estimated: Double
    private var longRtt: ExponentialAverage

    /// Gradient2 starting at `initial`, within `bounds`; the long RTT averages over `longWindow`
    /// samples after a warm-up of 10 (Netflix: 600).
    public init(initial: Int, bounds: ClosedRange<Int>, smoothing: Double = 0.2, tolerance: Double = 1.5, queueSize: Double = 4,
                longWindow: Int = 600) {
        self.bounds = bounds
        self.smoothing = smoothing
        self.tolerance = tolerance
        self.queueSize = queueSize
        self.estimated = Double(bounds.clamp(initial))
        self.longRtt = ExponentialAverage(window: longWindow, warmup: 10)
    }

    public var limit: Double { estimated }
    public var referenceRttNanos: Double? { longRtt.value == 0 ? nil : longRtt.value }

    public mutating func update(with sample: LimitSample) -> LimitDecision {
        let before = estimated
        let decide = { (rule: LimitRule, to: Double) in
            LimitDecision(from: before, to: to, rule: rule, rttNanos: sample.rttNanos, inFlight: sample.inFlight)
        }
        guard !sample.didDrop else { return decide(.ignoredDrop, estimated) }
        let shortRtt = Double(max(1, sample.rttNanos))
        let long = longRtt.add(shortRtt)
        // Netflix cuts the stored average but goes on with the value before the cut.
        if long / shortRtt > 2 { longRtt.scale(by: 0.95) }
        if Double(sample.inFlight) < estimated / 2 {
            return decide(.appLimited, estimated)
        }
        let gradient = max(0.5, min(1, tolerance * long / shortRtt))
        let target = estimated * gradient + queueSize
        estimated = bounds.clamp(estimated * (1 - smoothing) + target * smoothing)
        return decide(.gradient(longRttNanos: long, gradient: gradient, queueSize: queueSize, smoothing: smoothing), estimated)
    }

    public mutating func restart(at limit: Int) {
        estimated = Double(bounds.clamp(limit))
    }
}
