import PoolCore
import Testing
import Workload

@Suite("Bursts are a pure function of the seed")
struct BurstPlannerTests {
    @Test("the same seed gives the same burst; another seed another")
    func seeded() {
        let scenario = Scenario(requests: 100, fanout: 5, costDistribution: .exp, seed: 7)
        let a = BurstPlanner(scenario: scenario).requests(ofBurst: 0)
        let b = BurstPlanner(scenario: scenario).requests(ofBurst: 0)
        var other = scenario
        other.seed = 8
        #expect(a == b)
        #expect(a != BurstPlanner(scenario: other).requests(ofBurst: 0))
        #expect(a != BurstPlanner(scenario: scenario).requests(ofBurst: 1))
    }

    @Test("a burst's requests arrive in order within its window, each with fanout tasks")
    func window() {
        let planner = BurstPlanner(scenario: Scenario(requests: 500, fanout: 5, arrival: .burst(windowNanos: 1_000_000_000)))
        let requests = planner.requests(ofBurst: 0)
        #expect(requests.count == 500)
        #expect(requests.allSatisfy { $0.taskCosts.count == 5 && $0.offsetNanos < 1_000_000_000 })
        #expect(zip(requests, requests.dropFirst()).allSatisfy { $0.offsetNanos <= $1.offsetNanos })
        #expect(requests.last!.offsetNanos > 900_000_000)
        let instant = BurstPlanner(scenario: Scenario(requests: 10, arrival: .burst(windowNanos: 0))).requests(ofBurst: 0)
        #expect(instant.allSatisfy { $0.offsetNanos == 0 })
    }

    @Test("poisson arrivals come at about the asked rate")
    func poisson() {
        let planner = BurstPlanner(scenario: Scenario(requests: 2_000, arrival: .poisson(ratePerSecond: 100)))
        let span = Double(planner.requests(ofBurst: 0).last!.offsetNanos) / 1e9
        #expect(span > 17 && span < 23)
    }

    @Test("cost distributions keep their mean", arguments: [CostDistribution.fixed, .uniform, .exp])
    func costs(distribution: CostDistribution) {
        var generator = SeededGenerator(seed: 3)
        let sampler = CostSampler(distribution: distribution)
        let costs = (0..<20_000).map { _ in sampler.cost(mean: 1_000_000, using: &generator) }
        let mean = Double(costs.reduce(0, +)) / Double(costs.count)
        #expect(abs(mean - 1_000_000) < 40_000)
        if distribution == .exp { #expect(costs.max()! > 5_000_000) }
        if distribution == .fixed { #expect(Set(costs) == [1_000_000]) }
    }

    @Test("the ideal time is the largest of the slot, core and arrival bounds")
    func idealTime() {
        let io = Scenario(requests: 500, fanout: 5, task: TaskSpec(kind: .io, costNanos: 10_000_000), arrival: .burst(windowNanos: 0))
        #expect(abs(IdealTime(scenario: io, concurrency: 50, cores: 2).seconds - 0.5) < 1e-9)
        let cpu = Scenario(requests: 500, fanout: 5, task: TaskSpec(kind: .cpu, costNanos: 1_000_000), arrival: .burst(windowNanos: 0))
        #expect(abs(IdealTime(scenario: cpu, concurrency: 50, cores: 2).seconds - 1.25) < 1e-9)
        let spread = Scenario(requests: 10, fanout: 1, task: TaskSpec(kind: .io, costNanos: 1_000_000), arrival: .burst(windowNanos: 1_000_000_000))
        let ideal = IdealTime(scenario: spread, concurrency: 50, cores: 2)
        #expect(ideal.seconds > 0.9 && ideal.seconds <= 1.001)
        #expect(ideal.seconds == ideal.arrivalBoundNanos / 1e9)
        // 20 µs critical sections: 2500 × 20 µs more CPU over 2 cores, and 50 ms of lock in a row.
        let withSections = IdealTime(scenario: cpu, concurrency: 50, cores: 2, criticalSectionNanos: 20_000)
        #expect(abs(withSections.seconds - 1.275) < 1e-9)
        #expect(abs(withSections.lockBoundNanos - 50_000_000) < 1)
        let longSections = IdealTime(scenario: io, concurrency: 50, cores: 2, criticalSectionNanos: 1_000_000)
        #expect(abs(longSections.seconds - 2.5) < 1e-9, "2500 sections of 1 ms one after another")
        #expect(IdealTime(scenario: io, concurrency: 50, cores: 2, criticalSectionNanos: 1_000_000, lockEnabled: false).seconds < 2.5)
    }
}
