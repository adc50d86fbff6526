import PoolCore

/// The six workloads of `pooltop bench`, each run by the implementations it compares.
public enum BenchWorkload: String, Sendable, CaseIterable, Codable {
    /// No-op tasks through a started pool: the cost of dispatch.
    case noOp = "A"
    /// Tasks that block (sleep) for a while: how well the pool overlaps waiting.
    case blocking = "B"
    /// Tasks that burn CPU: how well the pool uses the cores.
    case cpu = "C"
    /// Starting and stopping the workers, with no task.
    case startStop = "D"
    /// One tiny task through an idle pool and back.
    case roundTrip = "E"
    /// A million tasks queued behind a cap of 1 whose one worker is held: the memory a waiting
    /// task holds (pooltop and ThreadPoolExecutor, whose pending futures are the same thing).
    case queueMemory = "F"

    /// One line saying what runs, with this run's sizes.
    func title(_ p: BenchParameters) -> String {
        switch self {
        case .noOp: return "A  \(BenchFormat.count(p.noOpTasks)) no-op tasks through \(p.workers) workers"
        case .blocking: return "B  \(BenchFormat.count(p.ioTasks)) tasks × \(BenchFormat.duration(p.ioNanos)) blocking I/O, \(p.workers) workers"
        case .cpu: return "C  \(BenchFormat.count(p.cpuTasks)) tasks × \(BenchFormat.duration(p.cpuNanos)) CPU, \(p.workers) workers"
        case .startStop: return "D  start and stop \(p.workers) workers, no task"
        case .roundTrip: return "E  round trip of one no-op task through an idle pool (median of \(p.trips))"
        case .queueMemory: return "F  \(BenchFormat.count(p.queuedTasks)) tasks queued behind 1 busy worker, memory per task (pooltop: heap in use; Python: resident)"
        }
    }

    /// The unit the median, min and max columns show.
    var unit: String {
        switch self {
        case .noOp: return "µs/task"
        case .blocking, .cpu: return "s wall"
        case .startStop: return "ms"
        case .roundTrip: return "µs"
        case .queueMemory: return "bytes/task"
        }
    }

    /// What a run's figure in seconds is multiplied by to get `unit`.
    func displayFactor(_ p: BenchParameters) -> Double {
        switch self {
        case .noOp: return 1e6 / Double(p.noOpTasks)
        case .blocking, .cpu: return 1
        case .startStop: return 1e3
        case .roundTrip: return 1e6
        case .queueMemory: return 1
        }
    }

    /// The wall time no pool can beat, in seconds (B: the I/O spread over the workers; C: the CPU
    /// spread over the cores the workers can use); nil where efficiency means nothing.
    func idealSeconds(_ p: BenchParameters, cores: Int) -> Double? {
        switch self {
        case .blocking: return Double(p.ioTasks) * Double(p.ioNanos) / Double(p.workers) / 1e9
        case .cpu: return Double(p.cpuTasks) * Double(p.cpuNanos) / Double(max(1, min(p.workers, cores))) / 1e9
        case .noOp, .startStop, .roundTrip, .queueMemory: return nil
        }
    }

    /// Tasks per run, for a throughput figure; nil where throughput means nothing.
    func taskCount(_ p: BenchParameters) -> Int? {
        switch self {
        case .noOp: return p.noOpTasks
        case .blocking: return p.ioTasks
        case .cpu: return p.cpuTasks
        case .startStop, .roundTrip, .queueMemory: return nil
        }
    }
}
