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
    /// What one look at the thread's CPU clock costs in CPU, in nanoseconds (a system call).
    public let clockReadNanos: UInt64

    /// A burner with a known rate (tests and worker processes that were told the parent's rate)
    /// and clock cost (measured in this process on first use when not given).
    public init(iterationsPerNanosecond: Double, clockReadNanos: UInt64 = CPUBurner.measuredClockReadNanos) {
        self.iterationsPerNanosecond = iterationsPerNanosecond
        self.clockReadNanos = clockReadNanos
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
    @discardableResult
    public func burn(nanos: UInt64, seed: UInt64 = 0x2545_F491_4F6C_DD1D) -> UInt64 {
        burnMeasuringCPU(nanos: nanos, seed: seed).checksum
    }

    /// Burns `nanos` nanoseconds of this thread's CPU time, as `burn` does, and says how much it
    /// burned: from its first look at the thread's CPU clock to its last, so a task that reports
    /// its CPU needs no clock reads of its own around the burn.
    ///
    /// The calibrated loop runs in stretches of about 50 µs, and the thread's CPU clock says when
    /// the cost is spent: a task costs the same CPU however slow the loop runs when both cores
    /// are busy (caches, frequency) and however often the thread is preempted. Each stretch is
    /// sized by the loop's speed measured so far in this burn, and the last leaves room for the look
    /// at the clock that follows it (a system call, about 0.4 µs here); the burn ends once the cost
    /// is spent to within half a look. So a 1 ms burn takes 1 ms of CPU, not 1 ms and a slow last
    /// stretch.
    public func burnMeasuringCPU(nanos: UInt64, seed: UInt64 = 0x2545_F491_4F6C_DD1D) -> (checksum: UInt64, cpuNanos: UInt64) {
        guard nanos > 0 else { return (seed, 0) }
        let look = clockReadNanos
        let start = pooltop_thread_cpu_nanos()
        var result = seed
        var used: UInt64 = 0
        var rate = iterationsPerNanosecond
        var spun = 0
        var looks: UInt64 = 0
        while used &+ look / 2 < nanos {
            let remaining = nanos - used
            let stretch = min(remaining > look ? remaining - look : 0, Self.checkIntervalNanos)
            let iterations = max(1, Int(Double(stretch) * rate))
            result = Self.spin(iterations: iterations, seed: result)
            used = pooltop_thread_cpu_nanos() &- start
            spun += iterations
            looks += 1
            // The loop's speed in this burn so far (slower than calibrated when the other core is
            // busy): the next stretch, the last above all, is sized by it.
            let spinning = used > looks &* look ? used - looks &* look : used
            if spinning > 0 { rate = min(iterationsPerNanosecond, Double(spun) / Double(spinning)) }
        }
        blackHole.add(result & 1, ordering: .relaxed)
        return (result, used)
    }

    /// What one look at the thread's CPU clock costs in CPU, in nanoseconds: the median of a few
    /// measured batches, taken once per process on first use (about 0.2 ms).
    public static let measuredClockReadNanos: UInt64 = {
        var batches: [UInt64] = []
        var sum: UInt64 = 0
        for _ in 0..<9 {
            let start = pooltop_thread_cpu_nanos()
            for _ in 0..<50 { sum &+= pooltop_thread_cpu_nanos() }
            batches.append((pooltop_thread_cpu_nanos() &- start) / 50)
        }
        blackHole.add(sum & 1, ordering: .relaxed)
        return batches.sorted()[batches.count / 2]
    }()

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
