import PoolCore
import PoolEngine
import Sizing
import Workload

extension SweepRun {
    /// Runs the sweep and analyses it: the USL fit, the recommendation (meeting `objectiveNanos`
    /// for the p99 request latency, if given) and Goetz's rule. Nil when no cap was measured.
    public func result(objectiveNanos: UInt64? = nil, progress: (Double, String) -> Void) -> SweepResult? {
        let points = run { fraction, detail, _ in progress(fraction, detail) }
        let conditions = SweepConditions(scenario: scenario, configuration: configuration, cores: MonotonicClock.cores)
        return SweepResult(points: points, conditions: conditions, objectiveNanos: objectiveNanos)
    }

    /// The line above the sweep's table: what ran, on how many caps and cores.
    public func title(cores: Int) -> String {
        "pooltop sweep — \(configuration.mode.rawValue), \(scenario.workloadDescription), lock \(configuration.lockEnabled ? "on" : "off")"
            + (configuration.interpreterLockEnabled ? ", GIL on" : "") + "; \(caps.count) caps × \(repeats) runs, \(cores) cores"
    }
}
