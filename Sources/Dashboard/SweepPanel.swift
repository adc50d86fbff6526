import PoolCore
import Sizing

/// The `s` overlay's state: whether it shows, the sweep running now (if any), and the last result.
///
/// Closing the overlay does not stop a running sweep; its result still arrives and marks the
/// recommended cap in the header.
public struct SweepPanel: Sendable, Equatable {
    /// True while the overlay shows.
    public internal(set) var isVisible = false
    /// The running sweep's progress; nil when none runs.
    public internal(set) var progress: SweepProgress?
    /// The last sweep that finished; nil before the first.
    public internal(set) var result: SweepResult?

    /// Creates the panel of a dashboard that has not swept yet.
    public init() {}

    /// True while a sweep runs.
    public var isRunning: Bool { progress != nil }

    /// The cap the last finished sweep recommends.
    public var recommendedCap: Int? { result?.recommendation.cap }
}
