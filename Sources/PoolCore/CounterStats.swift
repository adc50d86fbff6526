/// The shared counter every task increments: how many increments were made and how many stuck.
public struct CounterStats: Sendable, Hashable, Codable {
    /// Increments performed (one per task that reached its critical section).
    public var expected: Int
    /// The counter's value.
    public var actual: Int

    public init(expected: Int = 0, actual: Int = 0) {
        self.expected = expected
        self.actual = actual
    }

    /// Increments lost to the race when the lock is off.
    public var lostUpdates: Int { Swift.max(0, expected - actual) }
}
