import PoolCore

extension LimitDecision {
    /// The rule in one sentence with its numbers: "RTT 42ms vs no-load 20ms: ≈ 14 queued > β 6:
    /// backing off to 79".
    public var sentence: String {
        let rtt = DurationText.format(nanoseconds: rttNanos)
        let before = Self.limitText(from), after = Self.limitText(to)
        switch rule {
        case .appLimited:
            return "\(inFlight) in flight < \(before) ÷ 2: the limit is not the bottleneck; holding at \(before)"
        case .droppedTask(let factor?):
            return "a task was dropped: \(before) × \(Self.number(factor)) → \(after)"
        case .droppedTask(nil):
            return "a task was dropped: \(before) − log10 → \(after)"
        case .ignoredDrop:
            return "a task was dropped; Gradient2 goes by RTT only: holding at \(before)"
        case .timedOut(let timeout, let factor):
            return "RTT \(rtt) > timeout \(DurationText.format(nanoseconds: timeout)): \(before) × \(Self.number(factor)) → \(after)"
        case .additiveIncrease:
            return "\(inFlight) in flight ≥ \(before) ÷ 2, no drop: +1 → \(after)"
        case .probedNoLoad:
            return "probe: the no-load RTT starts again from \(rtt); holding at \(before)"
        case .lowerNoLoad:
            return "RTT \(rtt) is the fastest yet: the new no-load RTT; holding at \(before)"
        case .vegasQueue(let queue, let alpha, let beta, let threshold, let noLoad):
            let head = "RTT \(rtt) vs no-load \(DurationText.format(nanoseconds: noLoad)): ≈ \(queue) queued"
            if queue <= threshold { return "\(head) ≤ \(threshold): + β \(beta) → \(after)" }
            if queue < alpha { return "\(head) < α \(alpha): growing → \(after)" }
            if queue > beta { return "\(head) > β \(beta): backing off → \(after)" }
            return "\(head), between α \(alpha) and β \(beta): holding at \(before)"
        case .gradient(let long, let gradient, let queueSize, let smoothing):
            return "long RTT \(DurationText.format(nanoseconds: UInt64(long))) × 1.5 ÷ RTT \(rtt) → gradient \(Self.number(gradient)): "
                + "\(before) × \(Self.number(gradient)) + \(Self.number(queueSize)), smoothed \(Self.number(smoothing)) → \(after)"
        }
    }

    /// A limit as the cap it stands for, with a tenth when it is a fraction: "37", "37.4".
    public static func limitText(_ limit: Double) -> String {
        let tenths = Int((limit * 10).rounded(.down))
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    /// A factor with two decimals at most: "0.9", "0.75".
    static func number(_ value: Double) -> String {
        DurationText.trimmed(value)
    }
}
