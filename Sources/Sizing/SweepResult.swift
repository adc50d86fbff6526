import PoolCore
/// A finished sweep: the measured points, the USL curve fitted to them, the cap recommended, and
/// how that compares with Goetz's rule.
public struct SweepResult: Sendable, Hashable {
    /// One point per cap, by increasing cap.
    public var points: [SweepPoint]
    /// The fitted curve; nil when no point had throughput.
    public var fit: USLFit?
    /// The cap recommended and why.
    public var recommendation: CapRecommendation
    /// Goetz's rule from the wait and compute time measured at the smallest cap (where tasks
    /// queue least for shared things, so W and C are the tasks' own).
    public var goetz: GoetzEstimate
    /// What the workload and pool were like.
    public var conditions: SweepConditions
    /// Why the recommendation and Goetz's N differ, in a sentence; nil when they agree.
    public var comparison: String?

    /// Fits, recommends and compares, from measured points.
    /// - Parameters:
    ///   - points: one point per cap (any order).
    ///   - conditions: the workload and pool, for the explanation.
    ///   - objectiveNanos: the p99 request latency objective, if any.
    /// - Returns: nil when `points` is empty.
    public init?(points: [SweepPoint], conditions: SweepConditions, objectiveNanos: UInt64? = nil) {
        let sorted = points.sorted { $0.cap < $1.cap }
        guard let first = sorted.first,
              let recommendation = CapRecommendation(points: sorted, objectiveNanos: objectiveNanos) else { return nil }
        self.points = sorted
        self.fit = USLFit(fitting: sorted)
        self.recommendation = recommendation
        self.goetz = GoetzEstimate(cores: conditions.cores, waitNanos: first.meanBlockedNanos, computeNanos: first.meanComputeNanos)
        self.conditions = conditions
        self.comparison = nil
        if let rate = arrivalRateReached {
            // The growth to the largest cap was the pool catching up with the arrivals, not a
            // limit still ahead: say what bounds it.
            if let suffix = self.recommendation.reason.firstRange(of: " It is the largest cap swept") {
                self.recommendation.reason = String(self.recommendation.reason[..<suffix.lowerBound])
                    + " Throughput reached the task arrival rate (\(SweepText.rate(rate)) tasks/s): the arrivals bound it, and more workers would sit idle."
            }
        }
        self.comparison = explainDifference()
    }

    /// The task arrival rate of random arrivals when the best throughput measured reached it (within
    /// 5 %): the sweep then found its limit, the arrivals, even if throughput grew up to the
    /// largest cap. Nil otherwise.
    public var arrivalRateReached: Double? {
        guard case .poisson(let rate, _) = conditions.arrivals, rate > 0,
              recommendation.bestTasksPerSecond >= rate * (1 - CapRecommendation.tolerance) else { return nil }
        return rate
    }

    /// The point measured at `cap`, if any.
    public func point(atCap cap: Int) -> SweepPoint? {
        points.first { $0.cap == cap }
    }
}
