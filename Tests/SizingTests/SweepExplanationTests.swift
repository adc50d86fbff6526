import PoolCore
import Sizing
import Testing

/// The sentences a sweep shows name the bound its own figures show.
@Suite struct SweepExplanationTests {
    static let caps = [1, 2, 4, 8, 16, 32, 64]

    /// Every sentence the sweep's report prints (the dashboard's `SweepSentences` shows the same:
    /// the recommendation's reason, Goetz's formula and the comparison, the fit, the model).
    func sentences(_ result: SweepResult) -> [String] {
        [result.recommendation.reason, result.goetz.formula, result.comparison ?? "", result.fitSummary, result.modelSummary ?? ""]
    }

    /// `pooltop sweep --task io:20ms --burst-window 0`: 1,000 I/O tasks at once, no CPU; throughput
    /// doubles with every doubling of the cap; 40 % of lock acquisitions waited, but for 3 µs.
    func ioBurstSweep() -> SweepResult? {
        let points = SweepExplanationTests.caps.map { cap in
            SweepPoint(cap: cap, tasksPerSecond: 49.5 * Double(cap), requestsPerSecond: 9.9 * Double(cap),
                       latencyP99Nanos: UInt64(20_000_000_000 / cap), queueWaitP99Nanos: UInt64(19_800_000_000 / cap), cpuPercent: 1,
                       lockContention: 0.4, meanComputeNanos: 0, meanBlockedNanos: 20_100_000, meanLockWaitNanos: 3_000,
                       meanQueueWaitNanos: 10_000_000_000 / Double(cap), meanServiceNanos: 20_200_000)
        }
        let conditions = SweepConditions(cores: 2, workload: "200 requests × 5 tasks of io:20ms all at once",
                                         arrivals: .burst(tasks: 1000, windowSeconds: 0), taskSeconds: 0.02, fixedTaskTimes: true)
        return SweepResult(points: points, conditions: conditions)
    }

    @Test func sweepExplanationNamesTheBoundItsDataShows() throws {
        let result = try #require(ioBurstSweep())
        #expect(result.recommendation.cap == 64)
        #expect(abs(try #require(result.fit).sigma) < 0.01)
        for sentence in sentences(result) {
            #expect(!sentence.lowercased().contains("lock"), "blames the lock: \(sentence)")
            #expect(!sentence.contains("serialis"), "blames contention: \(sentence)")
        }
        #expect(result.recommendation.reason.contains("It is the largest cap swept and throughput still grew 100% from cap 32"))
        let comparison = try #require(result.comparison)
        #expect(comparison.contains("the sweep did not find the limit"))
        #expect(comparison.contains("throughput still grew 100% from cap 32 to cap 64 (1,584 → 3,168 tasks/s), the largest cap swept"))
        #expect(comparison.contains("what bounds such a pool is the arrivals, not the cores"))
        #expect(comparison.contains("Little's law"))
        #expect(comparison.contains("Sweep higher caps"))
    }

    @Test func theLockIsNamedWhenItIsTheBound() throws {
        // Tasks of 0.5 ms CPU + 4.5 ms I/O wait 5 ms for the lock: half of their 10 ms; throughput
        // is flat past cap 4. Goetz's N = 2 × (1 + 4.5/0.5) = 20 is far above it.
        let throughput: [Double] = [180, 340, 560, 580, 575, 570, 572]
        let points = zip(SweepExplanationTests.caps, throughput).map { cap, tasks in
            SweepPoint(cap: cap, tasksPerSecond: tasks, lockContention: 0.9, meanComputeNanos: 500_000, meanBlockedNanos: 4_500_000,
                       meanLockWaitNanos: 5_000_000, meanServiceNanos: 10_000_000)
        }
        let result = try #require(SweepResult(points: points, conditions: SweepConditions(cores: 2)))
        #expect(result.recommendation.cap == 4)
        #expect(try #require(result.fit).sigma >= 0.05)
        let comparison = try #require(result.comparison)
        #expect(comparison.hasPrefix("Goetz's N = 20 is larger because the shared lock serialises the tasks"))
        #expect(comparison.contains("a task waited 5ms for it on average, 50% of its time"))
    }

    @Test func contendedButShortLockWaitsAreNotBlamed() throws {
        // The same flat curve, but the lock's waits are 5 µs of a 10 ms task: something else is shared.
        let throughput: [Double] = [180, 340, 560, 580, 575, 570, 572]
        let points = zip(SweepExplanationTests.caps, throughput).map { cap, tasks in
            SweepPoint(cap: cap, tasksPerSecond: tasks, lockContention: 0.9, meanComputeNanos: 500_000, meanBlockedNanos: 9_500_000,
                       meanLockWaitNanos: 5_000, meanServiceNanos: 10_000_000)
        }
        let result = try #require(SweepResult(points: points, conditions: SweepConditions(cores: 2)))
        let comparison = try #require(result.comparison)
        #expect(!comparison.contains("the shared lock serialises"))
    }

    @Test func theModelSummaryComparesEveryCap() throws {
        let result = try #require(ioBurstSweep())
        // At cap 8: 1,000 tasks in waves of 8 of 20.2 ms: mean ⌊k/8⌋ over k < 1,000 = 62 waves × 20.2 ms = 1.25 s.
        let eight = try #require(result.point(atCap: 8))
        let atEight = try #require(result.modelComparison(at: eight))
        #expect(atEight.prediction.model == .fluidBurst(tasks: 1000, servers: 8))
        #expect(abs(try #require(atEight.prediction.meanWaitSeconds) - 1.2524) < 0.0001)
        #expect(atEight.verdict == .close)
        #expect(result.modelSummary == "Queueing model, the fluid burst model (1,000 tasks at once, S = the measured task time, c = the cap): "
            + "the measured mean queue wait was within 10% of the model's at 7 of 7 caps.")
    }

    @Test func aSpreadOutBurstHasNoFluidModel() throws {
        let points = [SweepPoint(cap: 4, tasksPerSecond: 100, meanServiceNanos: 20_000_000),
                      SweepPoint(cap: 8, tasksPerSecond: 190, meanServiceNanos: 20_000_000)]
        // 100 tasks drain in 25 × 20 ms = 500 ms on 4 workers; a 1 s window is far more than a tenth of it.
        let conditions = SweepConditions(cores: 2, arrivals: .burst(tasks: 100, windowSeconds: 1), taskSeconds: 0.02)
        let result = try #require(SweepResult(points: points, conditions: conditions))
        #expect(result.prediction(at: points[0]) == nil)
        #expect(try #require(result.modelSummary).contains("too spread out for the fluid model"))
    }

    @Test func poissonArrivalsUseErlangCAndNoteFixedTaskTimes() throws {
        // λ = 150 tasks/s of 20 ms: a = 3 Erlangs. Two workers cannot keep up (ρ = 1.5); four wait
        // C = 0.509 and Wq = C/(4/0.02 − 150) = 10.2 ms by the model; the fixed-length tasks measured 4 ms.
        let points = [SweepPoint(cap: 2, tasksPerSecond: 100, meanServiceNanos: 20_000_000),
                      SweepPoint(cap: 4, tasksPerSecond: 150, queueWaitP99Nanos: 40_000_000, meanQueueWaitNanos: 4_000_000, meanServiceNanos: 20_000_000)]
        let conditions = SweepConditions(cores: 2, arrivals: .poisson(tasksPerSecond: 150, tasksPerArrival: 1), taskSeconds: 0.02,
                                         fixedTaskTimes: true)
        let result = try #require(SweepResult(points: points, conditions: conditions))
        #expect(result.modelComparison(at: points[0])?.verdict == .unbounded)
        let atFour = try #require(result.modelComparison(at: points[1]))
        #expect(abs(try #require(atFour.prediction.meanWaitSeconds) - 0.010189) < 0.00001)
        #expect(atFour.verdict == .measuredLower)
        #expect(atFour.sentence.contains("the model's mean is 2.5× the measured (the model assumes exponential task times; these tasks are fixed-length"))
        let summary = try #require(result.modelSummary)
        #expect(summary.contains("at cap 2 the model says the queue grows without bound (ρ ≥ 1)"))
    }

    @Test("throughput that grew up to the largest cap only to reach the arrival rate: the arrivals are the bound, not a limit above")
    func reachingTheArrivalRateIsTheBound() throws {
        // `pooltop sweep --task io:20ms --arrival poisson:100 --caps 4,8,16`: 500 tasks/s arrive,
        // each 20 ms of I/O: Little's law asks for 10 workers.
        let points = [(4, 199.0), (8, 387.0), (16, 500.0)].map { cap, rate in
            SweepPoint(cap: cap, tasksPerSecond: rate, meanComputeNanos: 0, meanBlockedNanos: 20_270_000, meanServiceNanos: 20_300_000)
        }
        let conditions = SweepConditions(cores: 2, offeredConcurrency: 10, workload: "requests at 100/s × 5 tasks of io:20ms",
                                         arrivals: .poisson(tasksPerSecond: 500, tasksPerArrival: 5), taskSeconds: 0.02, fixedTaskTimes: true)
        let result = try #require(SweepResult(points: points, conditions: conditions))
        #expect(result.arrivalRateReached == 500)
        #expect(result.recommendation.reason.hasSuffix("Throughput reached the task arrival rate (500 tasks/s): the arrivals bound it, and more workers would sit idle."),
                "\(result.recommendation.reason)")
        for sentence in sentences(result) {
            #expect(!sentence.contains("did not find the limit"), "\(sentence)")
            #expect(!sentence.contains("sweep higher caps"), "\(sentence)")
        }
        #expect(result.comparison?.contains("keeps only about 10 workers busy") == true, "\(result.comparison ?? "")")
    }
}
