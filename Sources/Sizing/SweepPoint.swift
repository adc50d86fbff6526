import PoolCore
/// What a pool did at one cap in a sweep: throughput, latency, CPU and lock figures, the median
/// of the repeats run at that cap.
public struct SweepPoint: Sendable, Hashable {
    /// The cap the runs had.
    public var cap: Int
    /// Tasks completed per second of wall time.
    public var tasksPerSecond: Double
    /// Requests completed per second of wall time.
    public var requestsPerSecond: Double
    /// Request latency (arrival to the end of its last task), median and 99th percentile, in nanoseconds.
    public var latencyP50Nanos: UInt64
    public var latencyP99Nanos: UInt64
    /// The 99th percentile of the time tasks waited in the queue, in nanoseconds.
    public var queueWaitP99Nanos: UInt64
    /// CPU use of the process while it ran, in percent of one core (200 = two cores busy).
    public var cpuPercent: Double
    /// The share of shared-lock acquisitions that had to wait, 0...1.
    public var lockContention: Double
    /// Mean CPU and blocking nanoseconds per task, as measured (Goetz's C and W).
    public var meanComputeNanos: Double
    public var meanBlockedNanos: Double
    /// Mean nanoseconds a task waited for the shared lock (0 with the lock off or not measured).
    public var meanLockWaitNanos: Double
    /// Mean nanoseconds a task waited in the queue before it ran (0 when not measured).
    public var meanQueueWaitNanos: Double
    /// Mean nanoseconds a task ran, from its start to its end (lock wait included; 0 when not measured).
    public var meanServiceNanos: Double
    /// How many runs the figures are the median of.
    public var repeats: Int
    /// Tasks the bounded queue turned away (0 without a bound).
    public var drops: Int

    /// Creates a point from figures measured at `cap`.
    ///
    /// Every figure but the cap and the throughput defaults to 0 (not measured).
    public init(
        cap: Int, tasksPerSecond: Double, requestsPerSecond: Double = 0, latencyP50Nanos: UInt64 = 0,
        latencyP99Nanos: UInt64 = 0, queueWaitP99Nanos: UInt64 = 0, cpuPercent: Double = 0, lockContention: Double = 0,
        meanComputeNanos: Double = 0, meanBlockedNanos: Double = 0, meanLockWaitNanos: Double = 0, meanQueueWaitNanos: Double = 0,
        meanServiceNanos: Double = 0, repeats: Int = 1, drops: Int = 0
    ) {
        self.cap = cap
        self.tasksPerSecond = tasksPerSecond
        self.requestsPerSecond = requestsPerSecond
        self.latencyP50Nanos = latencyP50Nanos
        self.latencyP99Nanos = latencyP99Nanos
        self.queueWaitP99Nanos = queueWaitP99Nanos
        self.cpuPercent = cpuPercent
        self.lockContention = lockContention
        self.meanComputeNanos = meanComputeNanos
        self.meanBlockedNanos = meanBlockedNanos
        self.meanLockWaitNanos = meanLockWaitNanos
        self.meanQueueWaitNanos = meanQueueWaitNanos
        self.meanServiceNanos = meanServiceNanos
        self.repeats = repeats
        self.drops = drops
    }
}
