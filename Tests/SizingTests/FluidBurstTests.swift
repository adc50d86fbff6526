import PoolCore
import Sizing
import Testing

/// A burst arriving at once, worked through in waves.
@Suite struct FluidBurstTests {
    @Test func tenTasksOnThreeWorkers() {
        // Waits by rank: 0,0,0, 1,1,1, 2,2,2, 3 (seconds) → mean 12/10 = 1.2 s, max 3 s;
        // p99 is the task of rank ⌈9.9⌉ − 1 = 9: 3 s; the burst drains in ⌈10/3⌉ × 1 s = 4 s.
        let burst = FluidBurst(tasks: 10, servers: 3, serviceSeconds: 1)
        #expect((0..<10).map { burst.waitSeconds(ofRank: $0) } == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3])
        #expect(abs(burst.meanWaitSeconds - 1.2) < 1e-12)
        #expect(burst.maxWaitSeconds == 3)
        #expect(burst.p99WaitSeconds == 3)
        #expect(burst.drainSeconds == 4)
        #expect(burst.waitSeconds(atQuantile: 0.5) == 1)
    }

    @Test func theP99RankIsNotThrownOffByRounding() {
        // 100 tasks on 10 workers: p99 is rank ⌈0.99 × 100⌉ − 1 = 98, which waits ⌊98/10⌋ = 9 waves;
        // 0.99 × 100 is 99.00000000000001 in binary and must not become rank 99.
        let burst = FluidBurst(tasks: 100, servers: 10, serviceSeconds: 1)
        #expect(burst.p99WaitSeconds == 9)
        #expect(abs(burst.meanWaitSeconds - 4.5) < 1e-12)
    }

    @Test func aPoolAsLargeAsTheBurstWaitsNothing() {
        let burst = FluidBurst(tasks: 1000, servers: 1000, serviceSeconds: 0.02)
        #expect(burst.meanWaitSeconds == 0 && burst.p99WaitSeconds == 0 && burst.maxWaitSeconds == 0)
        #expect(burst.drainSeconds == 0.02)
        #expect(FluidBurst(tasks: 0, servers: 4, serviceSeconds: 1).meanWaitSeconds == 0)
    }

    @Test func thePredictionCarriesTheShareThatWaits() throws {
        let prediction = FluidBurst(tasks: 10, servers: 3, serviceSeconds: 1).prediction
        #expect(prediction.model == .fluidBurst(tasks: 10, servers: 3))
        #expect(prediction.model.name == "burst of 10 on 3 workers (fluid)")
        #expect(prediction.isStable)
        #expect(abs(try #require(prediction.waitProbability) - 0.7) < 1e-12)
        #expect(abs(try #require(prediction.meanWaitSeconds) - 1.2) < 1e-12)
    }
}
