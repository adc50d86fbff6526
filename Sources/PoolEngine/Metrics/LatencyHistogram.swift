import Histogram
import PoolCore

/// A latency distribution in microsecond buckets (two significant digits), summarised in nanoseconds.
struct LatencyHistogram: Sendable {
    private var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .two)
    /// The sum of every recorded latency, for an exact mean without walking the buckets.
    private var totalNanos: UInt64 = 0

    init() {
        histogram.autoResize = true
    }

    /// Records one latency.
    @inline(__always)
    mutating func record(nanos: UInt64) {
        _ = histogram.record(max(1, nanos / 1_000))
        totalNanos &+= nanos
    }

    /// Adds every value of `other`.
    mutating func merge(_ other: LatencyHistogram) {
        histogram.add(other.histogram)
        totalNanos &+= other.totalNanos
    }

    mutating func reset() {
        histogram.reset()
        totalNanos = 0
    }

    var count: Int { Int(histogram.totalCount) }

    /// p50, p90, p99, max and mean, in nanoseconds.
    var summary: LatencySummary {
        guard histogram.totalCount > 0 else { return .empty }
        return LatencySummary(
            count: Int(histogram.totalCount),
            p50: histogram.valueAtPercentile(50) * 1_000,
            p90: histogram.valueAtPercentile(90) * 1_000,
            p99: histogram.valueAtPercentile(99) * 1_000,
            max: histogram.max * 1_000,
            mean: Double(totalNanos) / Double(histogram.totalCount)
        )
    }
}
