import PoolCore

/// What a queueing model predicts for the queue wait of a pool: the figures a sweep sets beside
/// the measured ones.
///
/// An unstable queue (ρ ≥ 1: work arrives faster than the pool finishes it) has no steady-state
/// wait: `isStable` is false and the wait figures are nil.
public struct QueuePrediction: Sendable, Hashable {
    /// The model the figures come from.
    public var model: QueueModel
    /// The mean task time the model was given, in seconds.
    public var serviceSeconds: Double
    /// ρ, the utilisation of each worker, for models of steady arrivals; nil for a burst.
    public var utilisation: Double?
    /// False when the model says the queue grows without bound.
    public var isStable: Bool
    /// The probability that a task waits at all (for a burst: the share of its tasks that wait).
    public var waitProbability: Double?
    /// The mean queue wait, in seconds; nil when unstable.
    public var meanWaitSeconds: Double?
    /// The 99th percentile of the queue wait, in seconds; nil when unstable.
    public var p99WaitSeconds: Double?

    /// A prediction with these figures; when `isStable` is false the wait figures are dropped.
    public init(model: QueueModel, serviceSeconds: Double, utilisation: Double? = nil, isStable: Bool = true,
                waitProbability: Double? = nil, meanWaitSeconds: Double?, p99WaitSeconds: Double?) {
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? max(0, $0) : nil } }
        self.model = model
        self.serviceSeconds = serviceSeconds.isFinite ? max(0, serviceSeconds) : 0
        self.utilisation = utilisation.flatMap { $0.isFinite ? $0 : nil }
        self.isStable = isStable
        self.waitProbability = isStable ? finite(waitProbability) : nil
        self.meanWaitSeconds = isStable ? finite(meanWaitSeconds) : nil
        self.p99WaitSeconds = isStable ? finite(p99WaitSeconds) : nil
    }
}
