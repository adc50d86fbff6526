import PoolCore

/// One adaptive concurrency-limit algorithm: it keeps a limit and moves it with every sample, by
/// the published update rule of Netflix's concurrency-limits (`AIMDLimit`, `VegasLimit`,
/// `Gradient2Limit`).
public protocol ConcurrencyLimit: Sendable {
    /// The limit as the algorithm keeps it (a fraction for Vegas and Gradient2).
    var limit: Double { get }
    /// What the algorithm compares each RTT with, in nanoseconds: AIMD's timeout, Vegas's no-load
    /// RTT, Gradient2's long-term RTT; nil before it has one.
    var referenceRttNanos: Double? { get }
    /// Applies the update rule to `sample`.
    /// - Returns: the limit before and after, and the rule that decided.
    mutating func update(with sample: LimitSample) -> LimitDecision
    /// Starts again from `limit` (the cap was set by hand), keeping what was measured.
    mutating func restart(at limit: Int)
}

extension ConcurrencyLimit {
    /// The cap the limit stands for: its whole part (Netflix reports `(int) estimatedLimit`).
    public var cap: Int { Int(limit) }
}
