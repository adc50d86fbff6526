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
        let percentiles = values(atPercentiles: [50, 90, 99])
        return LatencySummary(
            count: Int(histogram.totalCount),
            p50: percentiles[0] * 1_000,
            p90: percentiles[1] * 1_000,
            p99: percentiles[2] * 1_000,
            max: histogram.max * 1_000,
            mean: Double(totalNanos) / Double(histogram.totalCount)
        )
    }

    /// What `valueAtPercentile` gives for each of `percentiles` (ascending, each above 0 and below
    /// 100), in one walk of the buckets instead of one walk each: a screen asks for three
    /// percentiles of three histograms twice a second.
    func values(atPercentiles percentiles: [Double]) -> [UInt64] {
        let total = Double(histogram.totalCount)
        // As `valueAtPercentile` counts: the first bucket whose running count reaches this.
        let targets = percentiles.map { Swift.max(1, UInt64((Swift.min(Swift.max($0.nextDown, 0), 100) * total / 100).rounded(.up))) }
        var values = [UInt64](repeating: 0, count: percentiles.count)
        var next = 0
        for bucket in histogram.recordedValues() {
            while next < targets.count, bucket.totalCountToThisValue >= targets[next] {
                values[next] = Swift.max(Swift.min(bucket.value, histogram.maxRecorded), histogram.min)
                next += 1
            }
            if next == targets.count { break }
        }
        return values
    }

    /// `valueAtPercentile` itself, for tests that compare.
    func valueAtPercentile(_ percentile: Double) -> UInt64 {
        histogram.valueAtPercentile(percentile)
    }
}
