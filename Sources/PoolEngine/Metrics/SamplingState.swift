import PoolCore
import Synchronization

/// What snapshot building remembers between calls: the previous totals for rates, the
/// process-statistics reader, and the latest latency summaries.
final class SamplingState: Sendable {
    /// Queue wait, service time and request latency, summarised.
    typealias LatencySummaries = (queueWait: LatencySummary, service: LatencySummary, requests: LatencySummary)

    private struct Baseline {
        var atNanos: UInt64
        var completedTasks = 0
        var completedRequests = 0
        var tasksPerSecond = 0.0
        var requestsPerSecond = 0.0
        var process = ProcessStatsReader()
    }

    private struct Latency {
        var summaries: LatencySummaries = (.empty, .empty, .empty)
        var computedAt: UInt64?
    }

    private let baseline: LockedValue<Baseline>
    private let latency = LockedValue(Latency())

    init(origin: UInt64) {
        baseline = LockedValue(Baseline(atNanos: origin))
    }

    /// Whether the latency summaries are older than `maxAgeNanos` (always, for 0) and so must be
    /// computed again from the histograms.
    func latencyIsDue(now: UInt64, maxAgeNanos: UInt64) -> Bool {
        latency.withLock { latency in
            guard maxAgeNanos > 0, let computedAt = latency.computedAt else { return true }
            return now &- computedAt >= maxAgeNanos
        }
    }

    /// Keeps `fresh` summaries computed at `now` and returns them, or returns the kept ones when
    /// `fresh` is nil.
    func latencySummaries(_ fresh: LatencySummaries?, at now: UInt64) -> LatencySummaries {
        latency.withLock { latency in
            if let fresh {
                latency.summaries = fresh
                latency.computedAt = now
            }
            return latency.summaries
        }
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
