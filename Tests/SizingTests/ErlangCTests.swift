import PoolCore
import Sizing
import Testing

/// The M/M/c queue against published and hand-computed values.
@Suite struct ErlangCTests {
    @Test func matchesThePublishedTwoServerValues() throws {
        // c = 2, λ = 1.5/s, μ = 1/s (a = 1.5, ρ = 0.75): C = 9/14 = 0.6429, Wq = C/(cμ − λ) = 0.6429/0.5 = 1.2857 s.
        let queue = ErlangC(arrivalRate: 1.5, serviceSeconds: 1, servers: 2)
        #expect(queue.isStable)
        #expect(abs(queue.offeredLoad - 1.5) < 1e-12)
        #expect(abs(queue.utilisation - 0.75) < 1e-12)
        let wait = try #require(queue.waitProbability)
        let mean = try #require(queue.meanWaitSeconds)
        #expect(abs(wait - 0.6429) <= 0.0005)
        #expect(abs(mean - 1.2857) <= 0.0005)
        // p99: ln(C/0.01)/(cμ − λ) = ln(64.29)/0.5 = 8.327 s.
        let p99 = try #require(queue.p99WaitSeconds)
        #expect(abs(p99 - 8.3267) <= 0.0005)
    }

    @Test func oneServerIsMM1() throws {
        // M/M/1, λ = 0.5, μ = 1: P(wait) = ρ = 0.5, Wq = ρ/(μ − λ) = 1 s, p99 = ln(0.5/0.01)/0.5 = 2·ln 50 = 7.824 s.
        let queue = ErlangC(arrivalRate: 0.5, serviceSeconds: 1, servers: 1)
        #expect(abs(try #require(queue.waitProbability) - 0.5) < 1e-12)
        #expect(abs(try #require(queue.meanWaitSeconds) - 1) < 1e-12)
        #expect(abs(try #require(queue.p99WaitSeconds) - 7.8240) <= 0.0005)
    }

    @Test func threeServersAtTwoErlangs() throws {
        // c = 3, a = 2 (λ = 2/s, S = 1 s), by hand: B(1) = 2/3, B(2) = (4/3)/(2 + 4/3) = 0.4,
        // B(3) = 0.8/3.8 = 4/19; ρ = 2/3, C = (4/19)/(1 − (2/3)(15/19)) = (4/19)/(9/19) = 4/9 = 0.4444;
        // Wq = C/(cμ − λ) = (4/9)/1 = 0.4444 s; the median wait is 0 (fewer than half of the tasks wait).
        let queue = ErlangC(arrivalRate: 2, serviceSeconds: 1, servers: 3)
        #expect(abs(queue.blockingProbability - 4.0 / 19) < 1e-12)
        #expect(abs(try #require(queue.waitProbability) - 0.4444) <= 0.0001)
        #expect(abs(try #require(queue.meanWaitSeconds) - 0.4444) <= 0.0001)
        #expect(try #require(queue.waitSeconds(atQuantile: 0.5)) == 0)
    }

    @Test func timesScaleWithTheServiceTime() throws {
        // The two-server case in milliseconds: λ = 75/s, S = 20 ms gives the same C and Wq × 20 ms.
        let queue = ErlangC(arrivalRate: 75, serviceSeconds: 0.02, servers: 2)
        #expect(abs(try #require(queue.waitProbability) - 0.6429) <= 0.0005)
        #expect(abs(try #require(queue.meanWaitSeconds) - 0.025714) <= 0.00001)
    }

    @Test(arguments: [(1000, 900.0), (4096, 4000.0), (4096, 3686.4)])
    func largePoolsGiveFiniteSaneNumbers(servers: Int, arrivalRate: Double) throws {
        let queue = ErlangC(arrivalRate: arrivalRate, serviceSeconds: 1, servers: servers)
        #expect(queue.isStable)
        let wait = try #require(queue.waitProbability)
        let mean = try #require(queue.meanWaitSeconds)
        let p99 = try #require(queue.p99WaitSeconds)
        #expect(wait.isFinite && wait >= 0 && wait < 1)
        #expect(mean.isFinite && mean >= 0 && mean < 1)
        #expect(p99.isFinite && p99 >= 0 && p99 < 1)
        if servers == 1000 {
            // ρ = 0.9 with a thousand servers: few tasks wait (C ≈ 0.0006) and those only briefly.
            #expect(wait < 0.001)
        }
    }

    @Test(arguments: [(1.3, 1.0, 1), (2.0, 1.0, 2), (5.2, 1.0, 4), (5000.0, 1.0, 4096)])
    func aFullOrOverfullPoolIsUnstable(arrivalRate: Double, serviceSeconds: Double, servers: Int) {
        let queue = ErlangC(arrivalRate: arrivalRate, serviceSeconds: serviceSeconds, servers: servers)
        #expect(!queue.isStable)
        #expect(queue.utilisation >= 1)
        #expect(queue.waitProbability == nil)
        #expect(queue.meanWaitSeconds == nil)
        #expect(queue.p99WaitSeconds == nil)
        let prediction = queue.prediction
        #expect(!prediction.isStable)
        #expect(prediction.meanWaitSeconds == nil && prediction.p99WaitSeconds == nil)
    }

    @Test func noArrivalsOrBadInputsWaitNothing() throws {
        #expect(try #require(ErlangC(arrivalRate: 0, serviceSeconds: 1, servers: 4).meanWaitSeconds) == 0)
        let nonsense = ErlangC(arrivalRate: .nan, serviceSeconds: -1, servers: 0)
        #expect(nonsense.servers == 1)
        #expect(nonsense.isStable)
        #expect(try #require(nonsense.meanWaitSeconds) == 0)
        #expect(try #require(nonsense.p99WaitSeconds) == 0)
    }

    @Test func thePredictionNamesTheModel() throws {
        let prediction = ErlangC(arrivalRate: 1.5, serviceSeconds: 1, servers: 2).prediction
        #expect(prediction.model == .erlangC(servers: 2))
        #expect(prediction.model.name == "M/M/2 (Erlang C)")
        #expect(prediction.model.shortName == "M/M/2")
        #expect(abs(try #require(prediction.utilisation) - 0.75) < 1e-12)
    }
}
