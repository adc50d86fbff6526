import Dashboard
import PoolCore
import PoolEngine
import Workload

extension DashboardRunner {
    /// Starts the `s` overlay's quick sweep on a thread of its own: a copy of the scenario as it
    /// runs now (its work kind, the pool's settings), shortened to about 1.5 s per cap, each run
    /// in a pool of its own. Progress and the result arrive in `mailbox` as messages.
    func startSweep(_ request: SweepRequest, pool: WorkerPool, driver: ScenarioDriver, mailbox: SweepMailbox) {
        var copy = scenario
        copy.task = driver.status.task
        let settings = pool.configuration
        let cores = MonotonicClock.cores
        let quick = copy.scaledForQuickSweep(caps: request.caps, cores: cores, timeScale: settings.timeScale)
        let sweep = SweepRun(configuration: settings, scenario: quick, caps: request.caps, repeats: 1)
        let conditions = SweepConditions(scenario: quick, configuration: settings, cores: cores)
        let started = ThreadLauncher.start {
            let points = sweep.run(progress: { fraction, detail, points in
                mailbox.post(.sweepProgressed(SweepProgress(fraction: fraction, detail: detail, caps: request.caps, points: points)))
            }, isCancelled: { mailbox.isClosed })
            if let result = SweepResult(points: points, conditions: conditions) {
                mailbox.post(.sweepFinished(result))
            } else {
                mailbox.post(.sweepFailed(reason: "no cap was measured"))
            }
        }
        if !started { mailbox.post(.sweepFailed(reason: "the system refused a thread for it")) }
    }
}
