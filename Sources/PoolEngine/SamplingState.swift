import PoolCore
import Synchronization

/// What snapshot building remembers between calls: the previous totals for rates, and the
/// process-statistics reader.
final class SamplingState: Sendable {
    private struct Baseline {
        var atNanos: UInt64
        var completedTasks = 0
        var completedRequests = 0
        var tasksPerSecond = 0.0
        var requestsPerSecond = 0.0
        var process = ProcessStatsReader()
    }

    private let baseline: LockedValue<Baseline>

    init(origin: UInt64) {
        baseline = LockedValue(Baseline(atNanos: origin))
    }

    /// Rates over the window since the last update (windows shorter than 50 ms reuse the last rate),
    /// and process figures, worker processes (`children`) included.
    func rates(now: UInt64, completedTasks: Int, completedRequests: Int, children: () -> [Int32] = { [] }) -> (tasks: Double, requests: Double, process: ProcessStats) {
        baseline.withLock { base in
            let window = now &- base.atNanos
            if window >= 50_000_000 {
                let seconds = Double(window) / 1e9
                base.tasksPerSecond = Double(max(0, completedTasks - base.completedTasks)) / seconds
                base.requestsPerSecond = Double(max(0, completedRequests - base.completedRequests)) / seconds
                base.atNanos = now
                base.completedTasks = completedTasks
                base.completedRequests = completedRequests
            }
            return (base.tasksPerSecond, base.requestsPerSecond, base.process.read(children: children))
        }
    }
}
