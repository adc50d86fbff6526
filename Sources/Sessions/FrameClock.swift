/// The clock every loop keeps time by: the dashboard's frames, `render`, the bench's frame probe,
/// the scenario's arrivals in a live session. Injected, so that tests step time instead of
/// sleeping.
public protocol FrameClock: Sendable {
    /// Now, in nanoseconds on this clock.
    var nowNanos: UInt64 { get }
    /// Waits until `deadline` on this clock (a manual clock jumps there instead).
    func sleep(until deadline: UInt64)
}
