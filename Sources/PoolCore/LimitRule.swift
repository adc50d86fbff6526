/// Which of its rules a limiter applied to a sample: enough to say in one sentence why the limit
/// moved or held (`Sizing` writes the sentence).
public enum LimitRule: Sendable, Hashable, Codable {
    /// Fewer than half the limit were in flight: the limit is not what holds the pool back, so
    /// it holds (all three algorithms).
    case appLimited
    /// A task was dropped: AIMD multiplies the limit by `factor`; Vegas takes log10 of it off
    /// (`factor` nil).
    case droppedTask(factor: Double?)
    /// Gradient2: a drop, which it does not use (only the RTT moves it): the limit holds.
    case ignoredDrop
    /// AIMD: the task ran longer than the timeout, which counts as a drop.
    case timedOut(timeoutNanos: UInt64, factor: Double)
    /// AIMD: at least half the limit in flight and no drop: one more.
    case additiveIncrease
    /// Vegas: time to probe, so the no-load RTT is set to this sample's RTT (it may have gone up).
    case probedNoLoad
    /// Vegas: the fastest task yet sets the no-load RTT.
    case lowerNoLoad
    /// Vegas: `queue` tasks estimated queued (`limit × (1 − noLoad / rtt)`) against the
    /// thresholds: at most `threshold` grows by beta, below `alpha` grows by log10, above `beta`
    /// shrinks by log10, otherwise it holds.
    case vegasQueue(queue: Int, alpha: Int, beta: Int, threshold: Int, noLoadNanos: UInt64)
    /// Gradient2: `gradient` = tolerance × long RTT / RTT, clamped to 0.5…1; the new limit is
    /// `gradient × limit + queueSize`, smoothed.
    case gradient(longRttNanos: Double, gradient: Double, queueSize: Double, smoothing: Double)
}
