import PoolCore

extension LimitAlgorithm {
    /// A fresh limit of this algorithm starting at `initial`, within `bounds`, with Netflix's
    /// default parameters; nil for `fixed`.
    /// - Parameter seed: draws Vegas's probe jitter.
    public func makeLimit(initial: Int, bounds: ClosedRange<Int>, seed: UInt64 = 1) -> (any ConcurrencyLimit)? {
        switch self {
        case .fixed: return nil
        case .aimd: return AIMDLimit(initial: initial, bounds: bounds)
        case .vegas: return VegasLimit(initial: initial, bounds: bounds, seed: seed)
        case .gradient2: return Gradient2Limit(initial: initial, bounds: bounds)
        }
    }
}

extension LimitSettings {
    /// The caps the limiter may set.
    public var bounds: ClosedRange<Int> { minimum...maximum }
}
