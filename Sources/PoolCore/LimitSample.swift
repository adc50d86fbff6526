/// What a limiter learns from one task: how long it ran and how many ran with it, or that a task
/// was dropped (Netflix's `onSample(startTime, rtt, inflight, didDrop)`).
public struct LimitSample: Sendable, Hashable {
    /// From the start of the task's run to its end (its time in service, not in the queue), in
    /// nanoseconds; 0 for a drop.
    public var rttNanos: UInt64
    /// Tasks running when it ended, itself included.
    public var inFlight: Int
    /// A task the bounded queue turned away (or pushed out): the pool is overloaded.
    public var didDrop: Bool

    /// A task that ran for `rttNanos` with `inFlight` running (itself included).
    public init(rttNanos: UInt64, inFlight: Int, didDrop: Bool = false) {
        self.rttNanos = rttNanos
        self.inFlight = inFlight
        self.didDrop = didDrop
    }

    /// A task dropped while `inFlight` ran.
    public static func drop(inFlight: Int) -> LimitSample {
        LimitSample(rttNanos: 0, inFlight: inFlight, didDrop: true)
    }
}
