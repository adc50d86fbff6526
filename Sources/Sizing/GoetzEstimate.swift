import PoolCore
/// Goetz's rule N = cores × (1 + W/C) from a measured wait W and compute time C per task: the
/// pool size that keeps every core busy while tasks block.
public struct GoetzEstimate: Sendable, Hashable {
    /// Cores of the machine.
    public var cores: Int
    /// W: mean nanoseconds a task blocks (I/O).
    public var waitNanos: Double
    /// C: mean nanoseconds a task computes.
    public var computeNanos: Double

    /// Creates the estimate for these measurements.
    public init(cores: Int, waitNanos: Double, computeNanos: Double) {
        self.cores = cores
        self.waitNanos = waitNanos
        self.computeNanos = computeNanos
    }

    /// N, or nil when no compute time was measured (the rule then puts no limit on the pool).
    public var size: Int? {
        SizingFormulas.suggestedPoolSize(cores: cores, blockedNanos: waitNanos, computeNanos: computeNanos)
    }

    /// The formula with the numbers: `N = 2 × (1 + 20ms/2ms) = 22`, or `… = unbounded` without compute time.
    public var formula: String {
        let w = DurationText.format(nanoseconds: UInt64(max(0, waitNanos).rounded()))
        let c = computeNanos > 0 ? DurationText.format(nanoseconds: UInt64(computeNanos.rounded())) : "0"
        let value = size.map { $0 >= PoolLimits.cap.upperBound ? "≥\($0)" : String($0) } ?? "unbounded"
        return "N = \(cores) × (1 + \(w)/\(c)) = \(value)"
    }
}
