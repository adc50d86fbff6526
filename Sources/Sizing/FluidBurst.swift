import PoolCore

/// A burst of n tasks that all arrive at once on c workers, each task taking S: the pool works
/// through it in waves of c, so the task of rank k (0-based, in queue order) waits ⌊k/c⌋·S.
///
/// The model has no randomness: it is exact for fixed-length tasks and a burst that arrives at
/// once, and a fair guide while the burst's window is small compared with the time to drain it.
public struct FluidBurst: Sendable, Hashable {
    /// n: tasks in the burst (at least 0).
    public var tasks: Int
    /// c: workers, at least 1.
    public var servers: Int
    /// S: seconds each task takes (0 when given a negative or non-finite time).
    public var serviceSeconds: Double

    /// The burst with these parameters; inputs out of range are clamped.
    public init(tasks: Int, servers: Int, serviceSeconds: Double) {
        self.tasks = max(0, tasks)
        self.servers = max(1, servers)
        self.serviceSeconds = serviceSeconds.isFinite ? max(0, serviceSeconds) : 0
    }

    /// ⌊k/c⌋·S: the wait of the task of rank `rank` (0-based), in seconds.
    public func waitSeconds(ofRank rank: Int) -> Double {
        Double(max(0, rank) / servers) * serviceSeconds
    }

    /// The mean wait over the burst, in seconds (0 for an empty burst).
    ///
    /// Full waves w = 0…q−1 (q = ⌊n/c⌋) of c tasks each wait w·S, and the r = n mod c tasks left
    /// wait q·S: the sum is S·(c·q(q−1)/2 + r·q).
    public var meanWaitSeconds: Double {
        guard tasks > 0 else { return 0 }
        let q = tasks / servers, r = tasks % servers
        let waves = Double(servers) * Double(q) * Double(q - 1) / 2 + Double(r) * Double(q)
        return waves * serviceSeconds / Double(tasks)
    }

    /// The wait that a share `quantile` (0...1) of the tasks does not exceed: the wait of the task
    /// of rank ⌈p·n⌉ − 1, in seconds (0 for an empty burst).
    public func waitSeconds(atQuantile quantile: Double) -> Double {
        guard tasks > 0 else { return 0 }
        let p = quantile.isFinite ? min(1, max(0, quantile)) : 1
        // ⌈p·n⌉ less a hair of rounding error: 0.99 × 100 is 99.00000000000001 in binary.
        let target = p * Double(tasks)
        let rank = Int((target - target * 1e-12).rounded(.up)) - 1
        return waitSeconds(ofRank: min(tasks - 1, max(0, rank)))
    }

    /// The 99th percentile of the wait, in seconds.
    public var p99WaitSeconds: Double { waitSeconds(atQuantile: 0.99) }

    /// The longest wait, that of the last task, in seconds.
    public var maxWaitSeconds: Double { tasks == 0 ? 0 : waitSeconds(ofRank: tasks - 1) }

    /// ⌈n/c⌉·S: the time from the burst's arrival until its last task ends, in seconds.
    public var drainSeconds: Double {
        Double((tasks + servers - 1) / servers) * serviceSeconds
    }

    /// What the model predicts, as the sweep compares it with measurements (the share of tasks
    /// that wait, (n − c)/n, stands for P(wait)).
    public var prediction: QueuePrediction {
        let waiting = tasks == 0 ? 0 : Double(max(0, tasks - servers)) / Double(tasks)
        return QueuePrediction(model: .fluidBurst(tasks: tasks, servers: servers), serviceSeconds: serviceSeconds,
                               utilisation: nil, isStable: true, waitProbability: waiting, meanWaitSeconds: meanWaitSeconds,
                               p99WaitSeconds: p99WaitSeconds)
    }
}
