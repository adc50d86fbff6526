/// The median, minimum and maximum of repeated measurements of one quantity, as benchmarks
/// report them on shared, noisy machines (the median resists outliers; min and max show spread).
public struct SampleSummary: Sendable, Hashable, Codable {
    /// How many measurements there were.
    public var count: Int
    /// The middle measurement (the mean of the two middle ones for an even count).
    public var median: Double
    /// The smallest measurement.
    public var min: Double
    /// The largest measurement.
    public var max: Double

    /// Summarizes `samples`; nil when there are none.
    public init?(_ samples: [Double]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        count = sorted.count
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }

    /// How many times smaller this median is than `other`'s: for durations, how many times faster
    /// this is (above 1) or slower (below 1). Nil when either median is not positive.
    public func speedup(over other: SampleSummary) -> Double? {
        guard median > 0, other.median > 0 else { return nil }
        return other.median / median
    }

    /// The summary with every figure multiplied by `factor` (a change of unit).
    public func scaled(by factor: Double) -> SampleSummary {
        var copy = self
        copy.median *= factor
        copy.min *= factor
        copy.max *= factor
        return copy
    }
}
