import CPoolSupport
import Synchronization

/// Burns CPU for a requested number of nanoseconds in a loop calibrated once at start-up.
///
/// The loop's result is folded into a checksum that the engine publishes, so the optimizer
/// cannot remove the work. Calibration measures iterations per nanosecond of *thread CPU time*
/// (not wall time), so a busy machine during calibration does not shrink the work.
public struct CPUBurner: Sendable {
    /// Loop iterations that take one nanosecond of CPU.
    public let iterationsPerNanosecond: Double

    /// A burner with a known rate (tests and worker processes that were told the parent's rate).
    public init(iterationsPerNanosecond: Double) {
        self.iterationsPerNanosecond = iterationsPerNanosecond
    }

    /// Measures the loop on this machine: the fastest of several short runs.
    public static func calibrated(rounds: Int = 5, iterations: Int = 400_000) -> CPUBurner {
        var best = 0.0
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<rounds {
            let start = pooltop_thread_cpu_nanos()
            seed = spin(iterations: iterations, seed: seed)
            let elapsed = pooltop_thread_cpu_nanos() &- start
            if elapsed > 0 { best = max(best, Double(iterations) / Double(elapsed)) }
        }
        blackHole.add(seed & 1, ordering: .relaxed)
        return CPUBurner(iterationsPerNanosecond: best > 0 ? best : 1)
    }

    /// The calibration every engine in this process shares, measured on first use.
    public static let shared: CPUBurner = calibrated()

    /// How much CPU one stretch of the loop burns between looks at the thread's CPU clock.
    static let checkIntervalNanos: UInt64 = 50_000

    /// Burns `nanos` nanoseconds of this thread's CPU time and returns the loop's checksum.
    ///
    /// The calibrated loop runs in stretches of about 50 µs, and the thread's CPU clock says when
    /// the cost is spent: a task costs the same CPU however slow the loop runs when both cores
    /// are busy (caches, frequency) and however often the thread is preempted.
    @discardableResult
    public func burn(nanos: UInt64, seed: UInt64 = 0x2545_F491_4F6C_DD1D) -> UInt64 {
        guard nanos > 0 else { return seed }
        let start = pooltop_thread_cpu_nanos()
        var result = seed
        var used: UInt64 = 0
        while used < nanos {
            let stretch = min(nanos - used, Self.checkIntervalNanos)
            result = Self.spin(iterations: max(1, Int(Double(stretch) * iterationsPerNanosecond)), seed: result)
            used = pooltop_thread_cpu_nanos() &- start
        }
        blackHole.add(result & 1, ordering: .relaxed)
        return result
    }

    /// An xorshift loop: cheap, branch-free, and its result depends on every step.
    @inline(never)
    static func spin(iterations: Int, seed: UInt64) -> UInt64 {
        var x = seed | 1
        for _ in 0..<iterations {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
        }
        return x
    }
}

/// Where burn results go so the optimizer must compute them.
let blackHole = Atomic<UInt64>(0)
