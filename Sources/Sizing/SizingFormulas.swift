import PoolCore
/// The two formulas the teaching line shows, computed from live numbers.
public enum SizingFormulas {
    /// Little's law, L = λW: the mean number of requests in the system, from the arrival rate λ
    /// (per second) and the mean time W a request spends in it (seconds).
    public static func littlesLaw(arrivalRate: Double, meanSeconds: Double) -> Double {
        arrivalRate * meanSeconds
    }

    /// Goetz's rule N = cores × (1 + W/C): the pool size that keeps every core busy when each task
    /// blocks for W and computes for C. Returns nil when no compute time has been measured.
    public static func suggestedPoolSize(cores: Int, blockedNanos: Double, computeNanos: Double) -> Int? {
        guard computeNanos > 0, cores > 0 else { return nil }
        let size = Double(cores) * (1 + blockedNanos / computeNanos)
        return Int(min(4096, max(1, size.rounded())))
    }
}
