import PoolCore

/// The sizes of one `pooltop bench` run: the workloads for a full run, smaller ones for
/// `--quick` (a CI smoke run whose figures are not meant to be compared).
struct BenchParameters: Sendable, Hashable, Codable {
    /// Rounds of every workload; each round runs every implementation once.
    var rounds: Int
    /// Workers (threads or processes) of every pool, the cap of pooltop's.
    var workers = 50
    /// A: no-op tasks per run.
    var noOpTasks = 2_500
    /// B: blocking tasks per run, and how long each blocks.
    var ioTasks = 2_500
    var ioNanos: UInt64 = 10_000_000
    /// C: CPU tasks per run, and how much CPU each burns.
    var cpuTasks = 2_500
    var cpuNanos: UInt64 = 1_000_000
    /// E: round trips per run (the run's figure is their median).
    var trips = 200
    /// F: tasks queued behind the one busy worker.
    var queuedTasks = 1_000_000
    /// The cost of watching: A is repeated this many times back to back, so that a 30 fps sampler
    /// takes a dozen snapshots while it runs (20 batches took 40 ms: one snapshot, or none).
    var watchedNoOpBatches = 200
    /// Frames measured back to back (10 ms apart) per screen size.
    var frames = 200
    /// Seconds the dashboard loop runs at each frame rate to measure its CPU share.
    var cpuShareSeconds = 3.0
    /// True for `--quick`.
    var isQuick = false
    /// The workloads to run, in order (`--workloads`; all by default).
    var workloads = BenchWorkload.allCases

    /// The workloads, `rounds` times.
    static func full(rounds: Int) -> BenchParameters {
        BenchParameters(rounds: rounds)
    }

    /// One short round: fewer tasks for B and C, fewer trips, frames and seconds.
    static var quick: BenchParameters {
        BenchParameters(rounds: 1, ioTasks: 500, cpuTasks: 250, trips: 50, queuedTasks: 100_000, watchedNoOpBatches: 4,
                        frames: 40, cpuShareSeconds: 1, isQuick: true)
    }

    /// The screen sizes whose frame cost is measured.
    static let screenSizes = [(width: 80, height: 24), (width: 120, height: 40), (width: 200, height: 50)]
    /// The frame rates whose CPU share is measured.
    static let frameRates = [10, 30]
    /// The sampler's rate in the cost-of-watching runs (the dashboard's default).
    static let samplerFPS = 30
}
