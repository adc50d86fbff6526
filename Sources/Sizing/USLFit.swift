import PoolCore
/// Gunther's Universal Scalability Law fitted to a sweep:
/// X(N) = λN / (1 + σ(N−1) + κN(N−1)), the throughput of N workers.
///
/// λ is the throughput of one worker, σ the contention (the share of the work that queues for
/// something shared, such as a lock or the interpreter lock) and κ the coherency cost (workers
/// slowing each other down, which makes throughput fall past a peak).
public struct USLFit: Sendable, Hashable {
    /// λ: the throughput of one worker, in the unit of the fitted points (tasks per second).
    public var lambda: Double
    /// σ ≥ 0: contention. With κ = 0 throughput levels off at λ/σ.
    public var sigma: Double
    /// κ ≥ 0: coherency. With κ > 0 throughput peaks at N = √((1−σ)/κ) and falls beyond.
    public var kappa: Double
    /// The share of the variance of the measured throughput the curve explains (1 is a perfect fit).
    public var rSquared: Double

    /// Creates a curve with these coefficients.
    public init(lambda: Double, sigma: Double, kappa: Double, rSquared: Double = 1) {
        self.lambda = lambda
        self.sigma = sigma
        self.kappa = kappa
        self.rSquared = rSquared
    }

    /// X(N): the throughput the curve gives `concurrency` workers.
    public func throughput(at concurrency: Double) -> Double {
        let n = concurrency
        let denominator = 1 + sigma * (n - 1) + kappa * n * (n - 1)
        return denominator > 0 ? lambda * n / denominator : 0
    }

    /// The concurrency of peak throughput, √((1−σ)/κ), when κ > 0 (and σ < 1); nil otherwise,
    /// when throughput only levels off.
    public var peakConcurrency: Double? {
        guard kappa > 0, sigma < 1 else { return nil }
        return ((1 - sigma) / kappa).squareRoot()
    }

    /// The level throughput tends to when κ = 0 and σ > 0 (λ/σ); nil otherwise.
    public var throughputCeiling: Double? {
        guard kappa == 0, sigma > 0 else { return nil }
        return lambda / sigma
    }
}
