import PoolCore
import Sizing
import Testing

/// A cap's point is the median of its runs, figure by figure.
@Suite struct SweepPointTests {
    @Test func oddRunsGiveTheMiddleValueOfEachFigure() throws {
        let runs = [
            SweepPoint(cap: 8, tasksPerSecond: 300, latencyP50Nanos: 9, latencyP99Nanos: 5_000_000, queueWaitP99Nanos: 7, cpuPercent: 10),
            SweepPoint(cap: 8, tasksPerSecond: 100, latencyP50Nanos: 3, latencyP99Nanos: 9_000_000, queueWaitP99Nanos: 1, cpuPercent: 30),
            SweepPoint(cap: 8, tasksPerSecond: 200, latencyP50Nanos: 6, latencyP99Nanos: 1_000_000, queueWaitP99Nanos: 4, cpuPercent: 20),
        ]
        let median = try #require(SweepPoint.median(of: runs))
        #expect(median.cap == 8)
        #expect(median.tasksPerSecond == 200)
        #expect(median.latencyP50Nanos == 6)
        #expect(median.latencyP99Nanos == 5_000_000)
        #expect(median.queueWaitP99Nanos == 4)
        #expect(median.cpuPercent == 20)
        #expect(median.repeats == 3)
    }

    @Test func evenRunsGiveTheMeanOfTheMiddleTwo() throws {
        let runs = [SweepPoint(cap: 1, tasksPerSecond: 10, latencyP99Nanos: 3), SweepPoint(cap: 1, tasksPerSecond: 20, latencyP99Nanos: 6)]
        let median = try #require(SweepPoint.median(of: runs))
        #expect(median.tasksPerSecond == 15)
        #expect(median.latencyP99Nanos == 4)
        #expect(SweepPoint.median(of: []) == nil)
    }
}

/// The figures added for the explanation and the model take medians like the others.
@Suite struct SweepPointWaitTests {
    @Test func lockQueueAndServiceTimesTakeTheirMedian() throws {
        let runs = [
            SweepPoint(cap: 4, tasksPerSecond: 1, meanLockWaitNanos: 30, meanQueueWaitNanos: 1, meanServiceNanos: 500),
            SweepPoint(cap: 4, tasksPerSecond: 1, meanLockWaitNanos: 10, meanQueueWaitNanos: 3, meanServiceNanos: 700),
            SweepPoint(cap: 4, tasksPerSecond: 1, meanLockWaitNanos: 20, meanQueueWaitNanos: 2, meanServiceNanos: 600),
        ]
        let median = try #require(SweepPoint.median(of: runs))
        #expect(median.meanLockWaitNanos == 20)
        #expect(median.meanQueueWaitNanos == 2)
        #expect(median.meanServiceNanos == 600)
        #expect(SweepPoint(cap: 1, tasksPerSecond: 1).meanLockWaitNanos == 0)
    }
}
