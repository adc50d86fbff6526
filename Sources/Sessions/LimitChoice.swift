import PoolCore

/// What `--limit`, `--limit-min` and `--limit-max` ask for: the limiters named (several only for
/// `sweep`, which compares them) and the bounds they move the cap within.
public struct LimitChoice: Sendable, Hashable {
    /// The adaptive limiters named, in order (none for `fixed`).
    public var limiters: [LimitAlgorithm]
    /// Everything named, `fixed` included, as given.
    public var named: [LimitAlgorithm]
    public var minimum: Int
    public var maximum: Int

    /// The choice of `named` algorithms within `minimum`…`maximum`.
    public init(named: [LimitAlgorithm], minimum: Int, maximum: Int) {
        self.named = named
        self.limiters = named.filter(\.isAdaptive)
        self.minimum = minimum
        self.maximum = maximum
    }

    /// What is wrong with the choice for a pool in `mode`, naming the option; nil when nothing is.
    public func problem(mode: SourceMode) -> String? {
        if !PoolLimits.cap.contains(minimum) { return "--limit-min must be between 1 and 4096, got \(minimum)" }
        if !PoolLimits.cap.contains(maximum) { return "--limit-max must be between 1 and 4096, got \(maximum)" }
        if minimum > maximum { return "--limit-min \(minimum) is above --limit-max \(maximum)" }
        if !limiters.isEmpty, mode == .celery || mode == .unbounded {
            return "--limit moves pooltop's own pool's cap: it needs --mode threads or processes"
        }
        return nil
    }

    /// Why several limiters cannot be named here (everywhere but `sweep`); nil for one or none.
    public var severalProblem: String? {
        guard limiters.count > 1 else { return nil }
        return "--limit takes one algorithm here (aimd, vegas or gradient2); `pooltop sweep --limit \(named.map(\.rawValue).joined(separator: ","))` compares several"
    }

    /// The settings of the first limiter named (`fixed` when none is), within the bounds.
    public var settings: LimitSettings {
        LimitSettings(algorithm: limiters.first ?? .fixed, minimum: minimum, maximum: maximum)
    }
}
