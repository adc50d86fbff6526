import Glibc
import PoolCore

/// Turns a scenario into the requests of each burst: a pure function of the seed and the burst's
/// number, so the same seed replays the same arrivals and costs.
public struct BurstPlanner: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// The requests of burst `index` (0-based), sorted by arrival, for tasks of `task`.
    public func requests(ofBurst index: Int, task: TaskSpec? = nil) -> [PlannedRequest] {
        let task = task ?? scenario.task
        var generator = SeededGenerator(seed: scenario.seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let sampler = CostSampler(distribution: scenario.costDistribution)
        let count = max(0, scenario.requests)
        var offsets: [UInt64]
        switch scenario.arrival {
        case .burst(let window):
            offsets = (0..<count).map { _ in window == 0 ? 0 : UInt64(generator.nextUnit() * Double(window)) }
            offsets.sort()
        case .poisson(let rate):
            var clock = 0.0
            offsets = (0..<count).map { _ in
                let gap = -Glibc.log(max(1e-12, 1 - generator.nextUnit())) / rate
                clock += gap
                return UInt64(clock * 1e9)
            }
        }
        return offsets.map { offset in
            PlannedRequest(offsetNanos: offset,
                           taskCosts: (0..<max(1, scenario.fanout)).map { _ in sampler.cost(mean: task.costNanos, using: &generator) })
        }
    }

    /// When the last request of burst `index` arrives, from the start of the run.
    public func lastArrivalNanos(ofBurst index: Int) -> UInt64 {
        UInt64(index) * scenario.intervalNanos + (requests(ofBurst: index).last?.offsetNanos ?? 0)
    }
}
