import Testing
@testable import PoolEngine

/// The latency summary's percentiles, taken in one walk of the buckets, are exactly what the
/// histogram's own `valueAtPercentile` gives.
struct LatencyHistogramTests {
    @Test func percentilesInOneWalkMatchTheHistograms() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var histogram = LatencyHistogram()
            let count = round < 20 ? round + 1 : Int.random(in: 1...5_000, using: &generator)
            for _ in 0..<count {
                // Microseconds to seconds, with a long tail, as latencies are.
                let micros = UInt64.random(in: 1...1_000, using: &generator) * (Bool.random(using: &generator) ? 1 : UInt64.random(in: 1...2_000, using: &generator))
                histogram.record(nanos: micros * 1_000 + UInt64.random(in: 0..<1_000, using: &generator))
            }
            let percentiles = [0.1, 25, 50, 90, 99, 99.9]
            #expect(histogram.values(atPercentiles: percentiles) == percentiles.map { histogram.valueAtPercentile($0) }, "\(count) values")
            let summary = histogram.summary
            #expect(summary.p50 == histogram.valueAtPercentile(50) * 1_000)
            #expect(summary.p99 == histogram.valueAtPercentile(99) * 1_000)
        }
    }
}
