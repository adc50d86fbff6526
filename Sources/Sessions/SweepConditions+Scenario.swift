import PoolCore
import Sizing
import Workload

extension SweepConditions {
    /// The conditions of a sweep of `scenario` with `configuration` on `cores` cores.
    public init(scenario: Scenario, configuration: PoolConfiguration, cores: Int) {
        self.init(cores: cores, interpreterLock: configuration.interpreterLockEnabled && configuration.mode != .processes,
                  offeredConcurrency: scenario.offeredConcurrency(timeScale: configuration.timeScale),
                  workload: scenario.workloadDescription)
    }
}
