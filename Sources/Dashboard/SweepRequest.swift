/// A quick sweep the dashboard asks for: the caps to measure; the runner copies the scenario and
/// the pool's settings as they are now and shortens the scenario.
public struct SweepRequest: Sendable, Hashable {
    /// The caps to measure, increasing.
    public var caps: [Int]

    /// Creates a request for these caps.
    public init(caps: [Int]) {
        self.caps = caps
    }
}
