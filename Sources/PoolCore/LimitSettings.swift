/// Which limiter moves the cap and the bounds it moves within (`--limit`, `--limit-min`,
/// `--limit-max`).
public struct LimitSettings: Sendable, Hashable, Codable {
    public var algorithm: LimitAlgorithm
    /// The lowest cap the limiter sets.
    public var minimum: Int
    /// The highest cap the limiter sets.
    public var maximum: Int

    /// The default bounds: 1 to 1000 (Netflix's default maximum), within `PoolLimits.cap`.
    public static let defaultMinimum = 1
    public static let defaultMaximum = 1000

    /// `algorithm` between `minimum` and `maximum`, both clamped to `PoolLimits.cap`.
    public init(algorithm: LimitAlgorithm, minimum: Int = LimitSettings.defaultMinimum, maximum: Int = LimitSettings.defaultMaximum) {
        self.algorithm = algorithm
        self.minimum = PoolLimits.clampCap(minimum)
        self.maximum = Swift.max(self.minimum, PoolLimits.clampCap(maximum))
    }
}
