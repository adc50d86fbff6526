import PoolCore
import PoolEngine
import Workload

/// A scenario run to its end against a Celery cluster without a screen (`pooltop run --mode
/// celery`): the session's driver sends the bursts, and the run waits until every task sent has
/// ended, sampling at an interval.
public struct CeleryRun: Sendable {
    /// Sampling interval for `onSample`, in nanoseconds.
    public var sampleIntervalNanos: UInt64
    /// How long the run waits without any task ending before it gives up on the rest.
    public var stallLimitNanos: UInt64

    public init(sampleIntervalNanos: UInt64 = 100_000_000, stallLimitNanos: UInt64 = 120_000_000_000) {
        self.sampleIntervalNanos = sampleIntervalNanos
        self.stallLimitNanos = stallLimitNanos
    }

    /// Runs `session`'s scenario to its end (or a stall), then stops the session.
    /// - Returns: the summary (`scenario.mode` "celery", `workers.hosts`, `tasks.redelivered`) and
    ///   a sentence when it stalled with tasks still out.
    public func run(_ session: CelerySession, onSample: (PoolSnapshot, _ progress: Double) -> Void) -> (RunSummary, stalled: String?) {
        let scenario = session.scenario
        let totalTasks = scenario.requests * scenario.fanout * (scenario.bursts ?? 1)
        let start = MonotonicClock.now()
        session.start()
        var lastEnded = 0, lastProgress = start
        var stalled: String?
        while !session.isSettled {
            MonotonicClock.sleep(until: MonotonicClock.now() &+ sampleIntervalNanos)
            let snapshot = session.snapshot(latencyMaxAgeNanos: 500_000_000)
            onSample(snapshot, Double(snapshot.totals.finished) / Double(max(1, totalTasks)))
            let now = MonotonicClock.now()
            if snapshot.totals.finished != lastEnded {
                lastEnded = snapshot.totals.finished
                lastProgress = now
            } else if now &- lastProgress > stallLimitNanos {
                stalled = "no task ended for \(stallLimitNanos / 1_000_000_000) s: \(snapshot.totals.running) running and "
                    + "\(snapshot.totals.queued) queued were given up on (is a worker consuming the queue?)"
                break
            }
        }
        let wall = MonotonicClock.now() &- start
        // The counter is polled every 200 ms: read it once more after the last task.
        session.readCounter()
        let snapshot = session.snapshot(latencyMaxAgeNanos: 0)
        session.stop()
        var summary = RunSummary(scenario: scenario, snapshot: snapshot, wallNanos: wall)
        summary.scenario.mode = "celery"
        summary.workers.hosts = session.hosts
        summary.tasks.redelivered = session.redeliveries.redelivered
        return (summary, stalled)
    }
}
