import PoolCore
extension SweepResult {
    /// The fitted curve in one sentence: λ, σ, κ, and where throughput peaks or levels off.
    public var fitSummary: String {
        guard let fit else { return "USL fit: no throughput was measured." }
        var text = "USL fit: λ = \(SweepText.rate(fit.lambda)) tasks/s per worker, σ = \(SweepText.coefficient(fit.sigma)) (contention), "
            + "κ = \(SweepText.coefficient(fit.kappa)) (coherency), R² = \(SweepText.coefficient(fit.rSquared, digits: 3))"
        if let peak = fit.peakConcurrency {
            let peakText = peak >= 1e5 ? "beyond 100,000 workers" : "N = √((1−σ)/κ) ≈ \(SweepText.rate(peak.rounded()))"
            text += "; throughput peaks at \(peakText) (\(SweepText.rate(fit.throughput(at: peak))) tasks/s)."
        } else if let ceiling = fit.throughputCeiling {
            text += "; no peak (κ = 0): throughput levels off toward λ/σ = \(SweepText.rate(ceiling)) tasks/s."
        } else {
            text += "; linear: every worker adds λ."
        }
        return text
    }

    /// Why the recommended cap and Goetz's N differ, or nil when the sweep cannot tell them apart
    /// (within a factor of 1.5, or between the recommended cap and the cap measured below it).
    func explainDifference() -> String? {
        let cap = recommendation.cap
        guard let goetzSize = goetz.size else {
            let opening = "The tasks measured no compute time, so the rule sees no CPU limit"
            if let unfound = limitNotFound() { return opening + ", and the sweep did not find the limit either: " + unfound }
            return opening + "; but " + limitBelowGoetz(goetzSize: nil)
        }
        let below = points.last { $0.cap < cap }?.cap ?? 0
        let ratio = Double(max(cap, goetzSize)) / Double(max(1, min(cap, goetzSize)))
        if ratio <= 1.5 || (goetzSize > below && goetzSize <= cap) { return nil }
        if cap < goetzSize {
            if let unfound = limitNotFound() { return "Goetz's N = \(goetzSize) is larger, and the sweep did not find the limit below it: " + unfound }
            return "Goetz's N = \(goetzSize) is larger because " + limitBelowGoetz(goetzSize: goetzSize)
        }
        return "cap \(cap) is above Goetz's N = \(goetzSize) because throughput kept growing by more than 5% up to it: "
            + "tasks spend time that is neither the measured wait nor compute (queueing for the lock, scheduling, other load on the machine), and more workers overlap it."
    }

    /// When throughput still grew by more than 5% at the largest cap swept, that in a sentence with
    /// the numbers (and, for work with no CPU, that the arrivals bound such a pool, not the
    /// cores); nil when throughput had stopped growing.
    func limitNotFound() -> String? {
        guard arrivalRateReached == nil, let growth = CapRecommendation.growthAtLargestCap(points) else { return nil }
        var text = "throughput still grew \(CapRecommendation.percent(growth.growth)) from cap \(growth.below.cap) to cap \(growth.largest.cap) "
            + "(\(SweepText.rate(growth.below.tasksPerSecond)) → \(SweepText.rate(growth.largest.tasksPerSecond)) tasks/s), the largest cap swept."
        let taskNanos = goetz.computeNanos + goetz.waitNanos
        if taskNanos > 0, goetz.computeNanos <= 0.05 * taskNanos {
            var demand = ""
            if let offered = conditions.offeredConcurrency {
                demand = " (here about \(SweepText.rate(offered)) workers)"
            } else if case .burst(let tasks, _) = conditions.arrivals {
                demand = " (here a burst of \(GroupedNumber.text(tasks)) tasks at once can keep up to \(GroupedNumber.text(tasks)) busy)"
            }
            text += " With no CPU per task, what bounds such a pool is the arrivals, not the cores: by Little's law it keeps busy "
                + "as many workers as task arrival rate × task time\(demand). Sweep higher caps to find the limit."
        } else {
            text += " Sweep higher caps to find where it levels off."
        }
        return text
    }

    /// How the explanation says the arrivals ask for no more workers, by how they arrive.
    private var arrivalsNeedNoMore: String {
        if case .poisson = conditions.arrivals { return "the arrivals need no more" }
        return "the burst is too small to need more"
    }

    /// The share of a task's time spent waiting for the shared lock at `point`: the mean lock
    /// wait over the mean task time (the measured service time, else compute + blocked + lock wait).
    func lockWaitShare(at point: SweepPoint) -> Double {
        let taskNanos = point.meanServiceNanos > 0
            ? point.meanServiceNanos : point.meanComputeNanos + point.meanBlockedNanos + point.meanLockWaitNanos
        return taskNanos > 0 ? point.meanLockWaitNanos / taskNanos : 0
    }

    /// What stops throughput from growing past the recommended cap, in the order the causes are
    /// checked: the interpreter lock, the arrivals, the shared lock, coherency, the machine.
    ///
    /// The shared lock is named only when the data shows it: tasks spent at least 10% of their
    /// time waiting for it, and throughput stopped growing (USL σ ≥ 0.05, or no cap above the
    /// recommended one measured 5% more).
    private func limitBelowGoetz(goetzSize: Int?) -> String {
        let cap = recommendation.cap
        let limit = Double(goetzSize ?? PoolLimits.cap.upperBound)
        let sigma = fit?.sigma ?? 0
        if conditions.interpreterLock, goetz.computeNanos > 0 {
            return "the emulated GIL lets one thread compute at a time: the rule assumes all \(conditions.cores) cores can, so extra threads only wait for the GIL."
        }
        if let offered = conditions.offeredConcurrency, offered < 0.8 * limit, Double(cap) <= max(4, 2.5 * offered) {
            let workload = conditions.workload.isEmpty ? "the arrivals" : conditions.workload
            return "\(arrivalsNeedNoMore): \(workload) keeps only about \(SweepText.rate(offered)) workers busy on average (Little's law: task arrival rate × task time), so a bigger pool would sit idle."
        }
        let chosen = point(atCap: cap)
        let above = points.filter { $0.cap > cap }.map(\.tasksPerSecond).max() ?? 0
        let flat = chosen.map { above < $0.tasksPerSecond * (1 + CapRecommendation.tolerance) } ?? false
        let stopped = sigma >= 0.05 || flat
        let best = point(atCap: recommendation.bestCap)
        if let best, stopped, lockWaitShare(at: best) >= 0.1 {
            let wait = DurationText.format(nanoseconds: UInt64(best.meanLockWaitNanos.rounded()))
            let share = CapRecommendation.percent(lockWaitShare(at: best))
            let acquisitions = CapRecommendation.percent(best.lockContention)
            return "the shared lock serialises the tasks: at cap \(best.cap) a task waited \(wait) for it on average, \(share) of its time "
                + "(\(acquisitions) of acquisitions waited; USL σ = \(SweepText.coefficient(sigma))), so more workers queue for it instead of working."
        }
        if let peak = fit?.peakConcurrency, peak < limit {
            return "throughput peaks near N ≈ \(SweepText.rate(peak)) (USL κ = \(SweepText.coefficient(fit?.kappa ?? 0))): past it workers slow each other down."
        }
        if sigma >= 0.05, stopped {
            let lockPart = best.map { $0.meanLockWaitNanos > 0 ? " — not the pool's lock (tasks waited \(CapRecommendation.percent(lockWaitShare(at: $0))) of their time for it)" : "" } ?? ""
            return "throughput levels off past cap \(cap) (USL σ = \(SweepText.coefficient(sigma)), contention): part of every task queues for something shared"
                + "\(lockPart), such as the cores or other load on the machine."
        }
        return "on this machine throughput stopped growing by 5% past cap \(cap) (other load on the cores, per-task overhead) long before that."
    }
}
