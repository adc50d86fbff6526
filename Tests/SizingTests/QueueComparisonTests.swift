import PoolCore
import Sizing
import Testing

/// The model's prediction beside a measurement, in the short line and the full sentence.
@Suite struct QueueComparisonTests {
    /// M/M/2 with λ = 1.5/s, S = 1 s: P(wait) 64%, mean 1.29 s, p99 8.33 s.
    let twoServers = ErlangC(arrivalRate: 1.5, serviceSeconds: 1, servers: 2).prediction

    @Test func closeMeansWithinTenPercent() throws {
        let compared = QueueComparison(prediction: twoServers, measuredMeanSeconds: 1.31, measuredP99Seconds: 5.8)
        #expect(compared.verdict == .close)
        #expect(abs(try #require(compared.ratio) - 1.31 / 1.2857) < 0.001)
        #expect(compared.sentence == "M/M/2 (Erlang C): P(wait) 64%, wait mean 1.29s p99 8.33s · measured mean 1.31s p99 5.8s: within 10%.")
        #expect(compared.shortText == "M/M/2: mean 1.29s p99 8.33s · measured 1.31s p99 5.8s · within 10%")
        #expect(compared.shortText.count <= 70)
    }

    @Test func higherSaysByHowMuchAndWhy() {
        let compared = QueueComparison(prediction: twoServers, measuredMeanSeconds: 2.7, measuredP99Seconds: 12,
                                       note: "the model assumes tasks arrive one at a time; here each request brings its 5 tasks at once")
        #expect(compared.verdict == .measuredHigher)
        #expect(compared.sentence == "M/M/2 (Erlang C): P(wait) 64%, wait mean 1.29s p99 8.33s · measured mean 2.7s p99 12s: "
            + "measured 2.1× the model's mean (the model assumes tasks arrive one at a time; here each request brings its 5 tasks at once).")
        #expect(compared.shortText == "M/M/2: mean 1.29s p99 8.33s · measured 2.7s p99 12s · 2.1× higher")
    }

    @Test func lowerSaysTheModelIsHigher() {
        let compared = QueueComparison(prediction: twoServers, measuredMeanSeconds: 0.5, measuredP99Seconds: 3)
        #expect(compared.verdict == .measuredLower)
        #expect(compared.sentence == "M/M/2 (Erlang C): P(wait) 64%, wait mean 1.29s p99 8.33s · measured mean 500ms p99 3s: the model's mean is 2.6× the measured.")
        #expect(compared.shortText == "M/M/2: mean 1.29s p99 8.33s · measured 500ms p99 3s · 2.6× lower")
    }

    @Test func unstableSaysTheQueueGrowsWithoutBound() {
        // λ = 2.6/s on two servers of 1 s: ρ = 1.3.
        let compared = QueueComparison(prediction: ErlangC(arrivalRate: 2.6, serviceSeconds: 1, servers: 2).prediction,
                                       measuredMeanSeconds: 4.2, measuredP99Seconds: 9.1)
        #expect(compared.verdict == .unbounded)
        #expect(compared.ratio == nil)
        #expect(compared.sentence == "M/M/2 (Erlang C): the model says the queue grows without bound (ρ = 1.3): "
            + "the measured wait (mean 4.2s, p99 9.1s) keeps rising for as long as arrivals go on.")
        #expect(compared.shortText == "M/M/2: ρ = 1.3, grows without bound · measured 4.2s p99 9.1s")
    }

    @Test func waitsUnderFivePercentOfATaskAreNoQueue() {
        // 1,000 servers at ρ = 0.9 with 1 s tasks: the model's wait is microseconds; so is the measured one.
        let prediction = ErlangC(arrivalRate: 900, serviceSeconds: 1, servers: 1000).prediction
        let compared = QueueComparison(prediction: prediction, measuredMeanSeconds: 0.001)
        #expect(compared.verdict == .negligible)
        #expect(compared.sentence.hasSuffix("both under 5% of a task's time, no real queue."))
    }
}
