import PoolCore
import Sizing
import Testing

/// The recommendation rule on hand-made tables.
@Suite struct CapRecommendationTests {
    /// A table of (cap, tasks/s, p99 ms).
    func table(_ rows: [(Int, Double, Double)]) -> [SweepPoint] {
        rows.map { SweepPoint(cap: $0.0, tasksPerSecond: $0.1, latencyP99Nanos: UInt64($0.2 * 1e6)) }
    }

    let ioCurve: [(Int, Double, Double)] = [
        (1, 50, 19_000), (2, 99, 9_600), (4, 196, 4_900), (8, 380, 2_500), (16, 760, 1_300),
        (32, 960, 120), (64, 980, 60), (128, 985, 40), (256, 984, 35),
    ]

    @Test func smallestCapWithinFivePercentOfTheBest() throws {
        let chosen = try #require(CapRecommendation(points: table(ioCurve)))
        #expect(chosen.cap == 32)
        #expect(chosen.bestCap == 128)
        #expect(chosen.meetsObjective)
        #expect(chosen.reason == "cap 32 is the smallest cap within 5% of the best throughput measured (985 tasks/s at cap 128); more workers add no throughput.")
    }

    @Test func exactlyFivePercentBelowStillCounts() throws {
        let chosen = try #require(CapRecommendation(points: table([(1, 50, 1), (2, 95, 1), (4, 100, 1)])))
        #expect(chosen.cap == 2)
        let below = try #require(CapRecommendation(points: table([(1, 50, 1), (2, 94.9, 1), (4, 100, 1)])))
        #expect(below.cap == 4)
        #expect(below.reason.hasPrefix("cap 4 measured the best throughput"))
    }

    @Test func theObjectivePushesTheCapUp() throws {
        let chosen = try #require(CapRecommendation(points: table(ioCurve), objectiveNanos: 50_000_000))
        #expect(chosen.cap == 128)
        #expect(chosen.objectiveNanos == 50_000_000)
        #expect(chosen.reason.contains("whose p99 request latency, 40ms, meets the 50ms objective"))
    }

    @Test func anObjectiveOnlySlowCapsMeetGivesTheFastestOfThem() throws {
        // Fast caps queue a lot; only the smallest caps (rare here) meet a tight objective.
        let rows: [(Int, Double, Double)] = [(1, 40, 10), (2, 70, 30), (4, 100, 300), (8, 100, 400)]
        let chosen = try #require(CapRecommendation(points: table(rows), objectiveNanos: 50_000_000))
        #expect(chosen.cap == 2)
        #expect(chosen.meetsObjective)
        #expect(chosen.reason.hasPrefix("no cap within 5% of the best throughput"))
    }

    @Test func anObjectiveNoCapMeetsGivesTheClosest() throws {
        let chosen = try #require(CapRecommendation(points: table(ioCurve), objectiveNanos: 10_000_000))
        #expect(chosen.cap == 256)
        #expect(!chosen.meetsObjective)
        #expect(chosen.reason.hasPrefix("no cap meets the 10ms p99 objective; cap 256 comes closest"))
    }

    @Test func orderDoesNotMatterAndEmptyGivesNothing() throws {
        let shuffled = try #require(CapRecommendation(points: table(ioCurve.reversed())))
        #expect(shuffled.cap == 32)
        #expect(CapRecommendation(points: []) == nil)
    }
}
