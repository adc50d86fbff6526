import PoolCore
extension SweepPoint {
    /// The point whose every figure is the median of that figure over `runs` (all at one cap), so
    /// one slow run on a busy machine does not move the curve; nil when `runs` is empty.
    ///
    /// With an even number of runs the median is the mean of the middle two.
    public static func median(of runs: [SweepPoint]) -> SweepPoint? {
        guard let first = runs.first else { return nil }
        func middle(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            let half = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
        }
        func middleNanos(_ values: [UInt64]) -> UInt64 {
            let sorted = values.sorted()
            let half = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[half] : sorted[half - 1] / 2 + sorted[half] / 2 + (sorted[half - 1] % 2 + sorted[half] % 2) / 2
        }
        return SweepPoint(
            cap: first.cap,
            tasksPerSecond: middle(runs.map(\.tasksPerSecond)),
            requestsPerSecond: middle(runs.map(\.requestsPerSecond)),
            latencyP50Nanos: middleNanos(runs.map(\.latencyP50Nanos)),
            latencyP99Nanos: middleNanos(runs.map(\.latencyP99Nanos)),
            queueWaitP99Nanos: middleNanos(runs.map(\.queueWaitP99Nanos)),
            cpuPercent: middle(runs.map(\.cpuPercent)),
            lockContention: middle(runs.map(\.lockContention)),
            meanComputeNanos: middle(runs.map(\.meanComputeNanos)),
            meanBlockedNanos: middle(runs.map(\.meanBlockedNanos)),
            meanLockWaitNanos: middle(runs.map(\.meanLockWaitNanos)),
            meanQueueWaitNanos: middle(runs.map(\.meanQueueWaitNanos)),
            meanServiceNanos: middle(runs.map(\.meanServiceNanos)),
            repeats: runs.reduce(0) { $0 + $1.repeats },
            drops: Int(middle(runs.map { Double($0.drops) }).rounded())
        )
    }
}
