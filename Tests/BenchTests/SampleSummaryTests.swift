import Testing
import Bench

@Suite("Benchmark figures: median, min, max and speedups")
struct SampleSummaryTests {
    @Test("an odd count's median is the middle value; min and max are the ends")
    func odd() {
        let summary = SampleSummary([5, 1, 3])
        #expect(summary == SampleSummary(count: 3, median: 3, min: 1, max: 5))
    }

    @Test("an even count's median is the mean of the two middle values")
    func even() {
        #expect(SampleSummary([4, 1, 2, 3])?.median == 2.5)
    }

    @Test("no samples, no summary")
    func empty() {
        #expect(SampleSummary([]) == nil)
    }

    @Test("speedup is the other median over this one; nil when a median is not positive")
    func speedup() {
        let fast = SampleSummary([2, 2, 2])!
        let slow = SampleSummary([10, 14, 6])!
        #expect(fast.speedup(over: slow) == 5)
        #expect(slow.speedup(over: fast) == 0.2)
        #expect(SampleSummary([0])!.speedup(over: slow) == nil)
    }

    @Test("scaling changes the unit of every figure")
    func scaled() {
        #expect(SampleSummary([0.001, 0.003, 0.002])!.scaled(by: 1_000) == SampleSummary(count: 3, median: 2, min: 1, max: 3))
    }
}

extension SampleSummary {
    /// A summary with these figures, for comparisons.
    init(count: Int, median: Double, min: Double, max: Double) {
        self = SampleSummary([min])!
        self.count = count
        self.median = median
        self.min = min
        self.max = max
    }
}
