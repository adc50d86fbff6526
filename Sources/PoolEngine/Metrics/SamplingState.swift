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
        /// Earlier samples (time, completed tasks, completed requests), oldest first, back to the
        /// window's start.
        var history: [(atNanos: UInt64, tasks: Int, requests: Int)] = []
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

    /// How far back rates look: one second, so that a rate read many times a second (20 fps) does
    /// not jump with the few tasks that ended in the last 50 ms.
    static let rateWindowNanos: UInt64 = 1_000_000_000

    /// Rates over the last second (over what there is, early on; calls closer than 50 ms to the
    /// last reuse its rate), and process figures, worker processes (`children`) included.
    func rates(now: UInt64, completedTasks: Int, completedRequests: Int, children: () -> [Int32] = { [] }) -> (tasks: Double, requests: Double, process: ProcessStats) {
        baseline.withLock { base in
            if now &- base.atNanos >= 50_000_000 {
                if completedTasks < base.completedTasks || completedRequests < base.completedRequests { base.history.removeAll() }
                base.history.append((base.atNanos, base.completedTasks, base.completedRequests))
                // Keep the newest sample at or before the window's start, and those after it.
                let start = now &- min(now, Self.rateWindowNanos)
                while base.history.count > 1, base.history[1].atNanos <= start { base.history.removeFirst() }
                let oldest = base.history[0]
                let seconds = Double(now &- oldest.atNanos) / 1e9
                base.tasksPerSecond = Double(max(0, completedTasks - oldest.tasks)) / seconds
                base.requestsPerSecond = Double(max(0, completedRequests - oldest.requests)) / seconds
                base.atNanos = now
                base.completedTasks = completedTasks
                base.completedRequests = completedRequests
            }
            return (base.tasksPerSecond, base.requestsPerSecond, base.process.read(children: children))
        }
    }
}
