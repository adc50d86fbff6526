import PoolCore

/// TCP Vegas as Netflix's `VegasLimit` applies it to concurrency: the queue a limit builds is
/// estimated as `limit × (1 − noLoadRTT / RTT)`; at most `threshold` queued grows the limit by
/// beta, below alpha by log10, above beta it shrinks by log10, in between it holds. The no-load
/// RTT is the fastest RTT seen, reset to the current RTT every 15–30 × limit samples (the probe),
/// so it can rise again.
///
/// pooltop's drops come from the bounded queue, before the task ran, so they carry no RTT: a drop
/// shrinks the limit by log10 and counts towards the probe, but never probes or sets the no-load
/// RTT (Netflix's drops carry the time since the request was let in).
public struct VegasLimit: ConcurrencyLimit {
    /// How far each new limit moves towards the rule's (Netflix: 1, all the way).
    public let smoothing: Double
    /// Probe every `probeMultiplier × jitter × limit` samples, the jitter in 0.5 ..< 1 (Netflix: 30).
    public let probeMultiplier: Double
    /// The limits it stays within (Netflix keeps 1…1000).
    public let bounds: ClosedRange<Int>
    private var estimated: Double
    private var noLoadNanos: UInt64 = 0
    private var probeCount = 0
    private var probeJitter = 0.0
    private var random: SeededGenerator

    /// Vegas starting at `initial`, within `bounds`; `seed` draws the probe's jitter (Netflix draws
    /// it from a thread-local random source; seeded here so a run can be repeated).
    public init(initial: Int, bounds: ClosedRange<Int>, smoothing: Double = 1, probeMultiplier: Double = 30, seed: UInt64 = 1) {
        self.bounds = bounds
        self.smoothing = smoothing
        self.probeMultiplier = probeMultiplier
        self.estimated = Double(bounds.clamp(initial))
        self.random = SeededGenerator(seed: seed)
        resetProbeJitter()
    }

    public var limit: Double { estimated }
    public var referenceRttNanos: Double? { noLoadNanos == 0 ? nil : Double(noLoadNanos) }

    public mutating func update(with sample: LimitSample) -> LimitDecision {
        let before = estimated
        let decide = { (rule: LimitRule, to: Double) in
            LimitDecision(from: before, to: to, rule: rule, rttNanos: sample.rttNanos, inFlight: sample.inFlight)
        }
        probeCount += 1
        if sample.didDrop {
            return decide(.droppedTask(factor: nil), move(to: estimated - Double(Log10Steps.of(Int(estimated)))))
        }
        let rtt = max(1, sample.rttNanos)
        if probeJitter * probeMultiplier * estimated <= Double(probeCount) {
            resetProbeJitter()
            probeCount = 0
            noLoadNanos = rtt
            return decide(.probedNoLoad, estimated)
        }
        if noLoadNanos == 0 || rtt < noLoadNanos {
            noLoadNanos = rtt
            return decide(.lowerNoLoad, estimated)
        }
        let queue = Int((estimated * (1 - Double(noLoadNanos) / Double(rtt))).rounded(.up))
        let steps = Log10Steps.of(Int(estimated))
        let alpha = 3 * steps, beta = 6 * steps, threshold = steps
        let rule = LimitRule.vegasQueue(queue: queue, alpha: alpha, beta: beta, threshold: threshold, noLoadNanos: noLoadNanos)
        if Double(sample.inFlight * 2) < estimated {
            return decide(.appLimited, estimated)
        }
        if queue <= threshold {
            return decide(rule, move(to: estimated + Double(beta)))
        } else if queue < alpha {
            return decide(rule, move(to: estimated + Double(steps)))
        } else if queue > beta {
            return decide(rule, move(to: estimated - Double(steps)))
        }
        return decide(rule, estimated)
    }

    public mutating func restart(at limit: Int) {
        estimated = Double(bounds.clamp(limit))
    }

    /// Clamps `target` to the bounds, then smooths towards it (Netflix's order), and keeps it.
    private mutating func move(to target: Double) -> Double {
        estimated = (1 - smoothing) * estimated + smoothing * bounds.clamp(target)
        return estimated
    }

    private mutating func resetProbeJitter() {
        probeJitter = 0.5 + 0.5 * random.nextUnit()
    }
}
