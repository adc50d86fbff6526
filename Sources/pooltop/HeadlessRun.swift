import CPoolSupport
import PoolCore
import PoolEngine
import Workload

/// Wires a pool and a scenario driver together and runs the scenario to its end without a screen.
struct HeadlessRun {
    var configuration: PoolConfiguration
    var scenario: Scenario
    /// Sampling interval for `onSample`, in nanoseconds.
    var sampleIntervalNanos: UInt64 = 100_000_000
    /// Process mode: worker processes SIGKILLed per second during the run (0: none).
    var chaosKillsPerSecond: Double = 0

    /// Runs to completion: every burst submitted, every task ended; calls `onSample` at the interval.
    /// - Returns: the summary and the final snapshot.
    func run(onSample: (PoolSnapshot, _ progress: Double) -> Void) -> (RunSummary, PoolSnapshot) {
        let pool = WorkerPool(configuration: configuration)
        // Like a Python pool created before `map`: the clock starts once the workers are up.
        pool.waitForWorkers(deadline: MonotonicClock.now() &+ 30_000_000_000)
        let driver = ScenarioDriver(scenario: scenario, sink: pool)
        let totalTasks = scenario.requests * scenario.fanout * (scenario.bursts ?? 1)
        let cpuBefore = CPUTime.processTree(children: pool.workerProcessIDs)
        let start = MonotonicClock.now()
        _ = ThreadLauncher.start { driver.run() }
        let chaos = ChaosMonkey(pool: pool, killsPerSecond: chaosKillsPerSecond, seed: scenario.seed)
        chaos.start()
        var nextSample = start + sampleIntervalNanos
        while !(driver.isFinished && pool.waitUntilIdle(deadline: MonotonicClock.now())) {
            let deadline = min(nextSample, MonotonicClock.now() + sampleIntervalNanos)
            if driver.isFinished {
                pool.waitUntilIdle(deadline: deadline)
            } else {
                MonotonicClock.sleep(until: deadline)
            }
            if MonotonicClock.now() >= nextSample {
                var snapshot = pool.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)
                snapshot.workload = driver.status
                onSample(snapshot, Double(snapshot.totals.finished + snapshot.totals.rejected) / Double(max(1, totalTasks)))
                nextSample += sampleIntervalNanos
            }
        }
        let wall = MonotonicClock.now() - start
        chaos.stop()
        pool.close()
        pool.join()
        // After join every worker process is reaped, so its CPU is in the figure.
        let cpu = CPUTime.processAndReapedChildren() - cpuBefore
        var snapshot = pool.snapshot()
        snapshot.workload = driver.status
        var summary = RunSummary(scenario: scenario, snapshot: snapshot, wallNanos: wall)
        summary.cpuPercent = Double(cpu) / Double(max(1, wall)) * 100
        return (summary, snapshot)
    }
}
