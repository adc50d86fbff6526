import Glibc
import PoolCore

/// Draws task costs around a mean with the chosen distribution.
public struct CostSampler: Sendable {
    public let distribution: CostDistribution

    public init(distribution: CostDistribution) {
        self.distribution = distribution
    }

    /// One cost, in nanoseconds, for a task whose mean cost is `mean`.
    public func cost(mean: UInt64, using generator: inout SeededGenerator) -> UInt64 {
        switch distribution {
        case .fixed:
            return mean
        case .uniform:
            return UInt64(Double(mean) * (0.5 + generator.nextUnit()))
        case .exp:
            let u = max(1e-12, 1 - generator.nextUnit())
            return UInt64(min(Double(mean) * 50, -Double(mean) * Glibc.log(u)))
        }
    }
}
