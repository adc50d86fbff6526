import PoolCore
import Sizing
import Workload

extension SweepConditions {
    /// The conditions of a sweep of `scenario` with `configuration` on `cores` cores.
    ///
    /// The arrivals for the queueing model: for `poisson:RATE`, tasks arrive at RATE × fan-out per
    /// second (each request's tasks together); for a burst, all its requests' tasks within its window.
    public init(scenario: Scenario, configuration: PoolConfiguration, cores: Int) {
        let arrivals: ArrivalModel
        switch scenario.arrival {
        case .poisson(let rate):
            arrivals = .poisson(tasksPerSecond: rate * Double(scenario.fanout), tasksPerArrival: scenario.fanout)
        case .burst(let window):
            arrivals = .burst(tasks: scenario.requests * scenario.fanout, windowSeconds: Double(window) / 1e9)
        }
        self.init(cores: cores, interpreterLock: configuration.interpreterLockEnabled && configuration.mode != .processes,
                  offeredConcurrency: scenario.offeredConcurrency(timeScale: configuration.timeScale),
                  workload: scenario.workloadDescription, arrivals: arrivals,
                  taskSeconds: Double(scenario.task.costNanos) * configuration.timeScale / 1e9,
                  fixedTaskTimes: scenario.costDistribution == .fixed)
    }
}
