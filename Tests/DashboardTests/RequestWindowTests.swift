import Dashboard
import PoolCore
import Testing

/// Little's law over a window: λ, W and the measured L from the snapshots of the last seconds.
@Suite struct RequestWindowTests {
    /// A snapshot at `seconds` with `finished` requests of mean latency `mean` seconds and
    /// `inService` requests in service.
    func snapshot(at seconds: Double, finished: Int, mean: Double = 0.5, inService: Int = 0) -> PoolSnapshot {
        var snapshot = PoolSnapshot(elapsedNanos: UInt64(seconds * 1e9))
        snapshot.requests = RequestStats(arrived: finished + inService, completed: finished,
                                         latency: LatencySummary(count: finished, mean: mean * 1e9))
        return snapshot
    }

    @Test func rateLatencyAndCountComeFromTheSameWindow() throws {
        var window = RequestWindow()
        window.record(snapshot(at: 1, finished: 0, inService: 100))
        window.record(snapshot(at: 2, finished: 100, mean: 0.5, inService: 40))
        window.record(snapshot(at: 3, finished: 300, mean: 1.0, inService: 60))
        #expect(window.coveredNanos == 2_000_000_000)
        #expect(window.finished == 300)
        #expect(try #require(window.rate) == 150)
        // (300 × 1.0 s) / 300 requests.
        #expect(try #require(window.meanLatencyNanos) == 1e9)
        #expect(try #require(window.meanInService) == 50)
    }

    @Test func samplesOlderThanTheWindowAreForgotten() throws {
        var window = RequestWindow()
        window.record(snapshot(at: 0, finished: 0))
        window.record(snapshot(at: 5, finished: 500))
        window.record(snapshot(at: 12, finished: 600))
        window.record(snapshot(at: 16, finished: 600))
        // Kept: the sample at 5 s (the newest at or before 16 − 10 = 6 s), and those after it.
        #expect(window.coveredNanos == 11_000_000_000)
        #expect(window.finished == 100)
        window.record(snapshot(at: 30, finished: 600))
        #expect(window.finished == 0)
        #expect(window.meanLatencyNanos == nil)
    }

    @Test func aStatisticsResetStartsAfresh() {
        var window = RequestWindow()
        window.record(snapshot(at: 1, finished: 400))
        window.record(snapshot(at: 2, finished: 10))
        #expect(window.coveredNanos == 0)
        #expect(window.rate == nil)
    }
}
