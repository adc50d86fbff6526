import CPoolSupport

/// The engine's time base: nanoseconds on the monotonic clock.
public enum MonotonicClock {
    /// Now, in nanoseconds since an arbitrary fixed point.
    @inline(__always)
    public static func now() -> UInt64 { pooltop_monotonic_nanos() }

    /// Blocks the calling thread until the clock reads `deadline`, without using CPU.
    public static func sleep(until deadline: UInt64) { pooltop_sleep_until(deadline) }

    /// Spins (uses CPU, keeps the thread runnable) for `nanos` nanoseconds.
    public static func spin(for nanos: UInt64) {
        guard nanos > 0 else { return }
        let deadline = now() &+ nanos
        while now() < deadline { pooltop_spin_pause() }
    }

    /// The number of CPUs online (read again at most once a second: each reading opens a file).
    public static var cores: Int { Int(pooltop_cpu_count()) }
}
