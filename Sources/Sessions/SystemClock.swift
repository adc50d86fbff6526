import PoolEngine

/// The real clock: CLOCK_MONOTONIC, the clock the engine stamps its tasks with.
public struct SystemClock: FrameClock {
    /// The system's monotonic clock.
    public init() {}

    public var nowNanos: UInt64 { MonotonicClock.now() }

    public func sleep(until deadline: UInt64) {
        MonotonicClock.sleep(until: deadline)
    }
}
