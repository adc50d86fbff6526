import PoolCore

/// How a measured queue wait stands against a model's, in one word.
public enum QueueVerdict: Sendable, Hashable {
    /// The measured mean wait is within `QueueComparison.closeTolerance` of the model's.
    case close
    /// The measured mean wait is higher than the model's by more than the tolerance.
    case measuredHigher
    /// The measured mean wait is lower than the model's by more than the tolerance.
    case measuredLower
    /// Both waits are negligible (under 5 % of a task's time): neither sees a queue.
    case negligible
    /// The model says the queue grows without bound (ρ ≥ 1).
    case unbounded
}
