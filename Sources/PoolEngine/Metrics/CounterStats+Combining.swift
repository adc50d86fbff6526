import PoolCore

extension CounterStats {
    /// The figures of two counters that stand for one (thread mode's and process mode's, after a
    /// live mode switch): increments and values add, so lost updates of either still show.
    func combined(with other: CounterStats) -> CounterStats {
        CounterStats(expected: expected + other.expected, actual: actual + other.actual)
    }
}
