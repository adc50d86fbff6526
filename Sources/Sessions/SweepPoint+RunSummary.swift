import PoolCore
import Sizing
import Workload

extension SweepPoint {
    /// The point one headless run measured: its summary and the pool's final snapshot.
    ///
    /// The mean lock wait is per finished task (the lock's total wait over the tasks that
    /// completed or failed), so a task that takes the lock once and one that does not weigh alike.
    public init(summary: RunSummary, snapshot: PoolSnapshot) {
        let wall = summary.wallSeconds
        let finished = snapshot.totals.completed + snapshot.totals.failed
        let lockWait = finished > 0 ? Double(snapshot.lock.waitNanosTotal) / Double(finished) : snapshot.lock.meanWaitNanos
        self.init(
            cap: snapshot.configuration.cap,
            tasksPerSecond: summary.throughputTasksPerSecond,
            requestsPerSecond: wall > 0 ? Double(summary.requests.completed) / wall : 0,
            latencyP50Nanos: snapshot.requests.latency.p50,
            latencyP99Nanos: snapshot.requests.latency.p99,
            queueWaitP99Nanos: snapshot.queueWait.p99,
            cpuPercent: summary.cpuPercent,
            lockContention: snapshot.lock.contentionRatio,
            meanComputeNanos: snapshot.meanComputeNanos,
            meanBlockedNanos: snapshot.meanBlockedNanos,
            meanLockWaitNanos: lockWait,
            meanQueueWaitNanos: snapshot.queueWait.mean,
            meanServiceNanos: snapshot.service.mean,
            drops: snapshot.totals.rejected
        )
    }
}
