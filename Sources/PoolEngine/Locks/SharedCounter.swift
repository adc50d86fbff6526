import PoolCore
import Synchronization

/// The counter every task increments: exact behind the lock, racy without it.
///
/// The racy increment is a real read-modify-write race (load, the critical-section delay, store),
/// built from atomics so that it is a logic race and not undefined behaviour.
public final class SharedCounter: Sendable {
    private let value = Atomic<Int>(0)
    private let increments = Atomic<Int>(0)

    public init() {}

    /// Loads the counter, spends `delayNanos` in the critical section, stores the value plus one.
    /// Call it inside the shared lock for an exact count, or outside to let updates be lost.
    public func increment(criticalSectionNanos delayNanos: UInt64) {
        increments.add(1, ordering: .relaxed)
        let seen = value.load(ordering: .acquiring)
        MonotonicClock.spin(for: delayNanos)
        value.store(seen + 1, ordering: .releasing)
    }

    /// Increments performed and the value reached.
    public var stats: CounterStats {
        CounterStats(expected: increments.load(ordering: .relaxed), actual: value.load(ordering: .relaxed))
    }

    /// Sets both to zero.
    public func reset() {
        increments.store(0, ordering: .relaxed)
        value.store(0, ordering: .relaxed)
    }
}
