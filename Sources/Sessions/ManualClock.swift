import PoolCore

/// A clock that moves only when told: `advance(by:)`, or `sleep(until:)`, which jumps to the
/// deadline at once. Tests drive loops and sessions with it and never sleep.
public final class ManualClock: FrameClock {
    private let now: LockedValue<UInt64>

    /// A clock that reads `start` until moved.
    public init(start: UInt64 = 0) {
        now = LockedValue(start)
    }

    public var nowNanos: UInt64 { now.withLock { $0 } }

    /// Jumps to `deadline` if it lies ahead.
    public func sleep(until deadline: UInt64) {
        now.withLock { $0 = Swift.max($0, deadline) }
    }

    /// Moves the clock forward by `nanos`.
    public func advance(by nanos: UInt64) {
        now.withLock { $0 &+= nanos }
    }
}
