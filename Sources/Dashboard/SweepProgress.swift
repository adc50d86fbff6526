import PoolCore
import Sizing

/// How far a running sweep has got: the share done, what it measures now, and the points
/// measured so far (the overlay draws them as they come).
public struct SweepProgress: Sendable, Hashable {
    /// The share of the sweep done, 0...1.
    public var fraction: Double
    /// What it is doing, e.g. `cap 25 (3 of 6)`.
    public var detail: String
    /// The caps being measured.
    public var caps: [Int]
    /// One point per cap measured so far.
    public var points: [SweepPoint]

    /// Creates a progress report.
    public init(fraction: Double, detail: String, caps: [Int], points: [SweepPoint] = []) {
        self.fraction = min(1, max(0, fraction))
        self.detail = detail
        self.caps = caps
        self.points = points
    }
}
