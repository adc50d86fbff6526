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
            return "The tasks measured no compute time, so the rule sees no CPU limit; but "
                + limitBelowGoetz(goetzSize: nil)
        }
        let below = points.last { $0.cap < cap }?.cap ?? 0
        let ratio = Double(max(cap, goetzSize)) / Double(max(1, min(cap, goetzSize)))
        if ratio <= 1.5 || (goetzSize > below && goetzSize <= cap) { return nil }
        if cap < goetzSize {
            return "Goetz's N = \(goetzSize) is larger because " + limitBelowGoetz(goetzSize: goetzSize)
        }
        return "cap \(cap) is above Goetz's N = \(goetzSize) because throughput kept growing by more than 5% up to it: "
            + "tasks spend time that is neither the measured wait nor compute (queueing for the lock, scheduling, other load on the machine), and more workers overlap it."
    }

    /// What stops throughput from growing past the recommended cap, in the order the causes are
    /// checked: the interpreter lock, the arrivals, the shared lock, coherency, the machine.
    private func limitBelowGoetz(goetzSize: Int?) -> String {
        let cap = recommendation.cap
        let limit = Double(goetzSize ?? PoolLimits.cap.upperBound)
        if conditions.interpreterLock, goetz.computeNanos > 0 {
            return "the emulated GIL lets one thread compute at a time: the rule assumes all \(conditions.cores) cores can, so extra threads only wait for the GIL."
        }
        if let offered = conditions.offeredConcurrency, offered < 0.8 * limit, Double(cap) <= max(4, 2.5 * offered) {
            let workload = conditions.workload.isEmpty ? "the arrivals" : conditions.workload
            return "the burst is too small to need more: \(workload) keeps only about \(SweepText.rate(offered)) workers busy on average (Little's law: task arrival rate × task time), so a bigger pool would sit idle."
        }
        let best = point(atCap: recommendation.bestCap)
        if let best, best.lockContention >= 0.3 || (fit?.sigma ?? 0) >= 0.05 {
            let share = Int((best.lockContention * 100).rounded())
            return "the shared lock serialises the tasks (\(share) % of acquisitions waited at cap \(best.cap); USL σ = \(SweepText.coefficient(fit?.sigma ?? 0))), so more workers queue for it instead of working."
        }
        if let peak = fit?.peakConcurrency, peak < limit {
            return "throughput peaks near N ≈ \(SweepText.rate(peak)) (USL κ = \(SweepText.coefficient(fit?.kappa ?? 0))): past it workers slow each other down."
        }
        return "on this machine throughput stopped growing by 5% past cap \(cap) (other load on the cores, per-task overhead) long before that."
    }
}
