/// Where a limiter settled: the caps it set over the last stretch of a run, and whether they held
/// still (moved less than 10 % of where they stood).
public struct LimitSettling: Sendable, Hashable {
    /// The median cap over the window.
    public var settled: Int
    /// The lowest and highest cap over the window.
    public var low: Int
    public var high: Int
    /// The window's length in seconds, as measured (shorter when the run was).
    public var windowSeconds: Double

    /// The fraction of the window's median the cap moved within it: (high − low) / median.
    public var spread: Double { Double(high - low) / Double(max(1, settled)) }

    /// True when the cap moved less than 10 % within the window.
    public var isSettled: Bool { spread < 0.1 }

    /// The settling of `series` (seconds since the start, cap set then) over its last
    /// `windowSeconds`; nil for an empty series.
    public init?(series: [(seconds: Double, cap: Int)], windowSeconds: Double = 5) {
        guard let end = series.last?.seconds else { return nil }
        let window = series.filter { $0.seconds >= end - windowSeconds }
        let caps = window.map(\.cap).sorted()
        settled = caps[caps.count / 2]
        low = caps.first!
        high = caps.last!
        self.windowSeconds = end - window.first!.seconds
    }
}
