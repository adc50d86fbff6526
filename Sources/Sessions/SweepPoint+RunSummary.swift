import PoolCore
import Sizing
import Workload

extension SweepPoint {
    /// The point one headless run measured: its summary and the pool's final snapshot.
    public init(summary: RunSummary, snapshot: PoolSnapshot) {
        let wall = summary.wallSeconds
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
            meanBlockedNanos: snapshot.meanBlockedNanos
        )
    }
}
