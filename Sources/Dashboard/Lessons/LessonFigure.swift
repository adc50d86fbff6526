import PoolCore

/// A live figure a lesson check can read, by the name lesson files use (`throughput`,
/// `lost_updates`, …): its value from what the dashboard has seen, and how it reads in a sentence.
///
/// Rates are the mean of the last second of samples, so one frame's jitter does not pass or fail
/// a check.
public enum LessonFigure: String, Sendable, Hashable, CaseIterable {
    /// Tasks completed per second.
    case throughput
    /// Requests completed per second.
    case requestsPerSecond = "requests_per_second"
    /// Tasks running now.
    case busy
    /// Tasks waiting in the queue now.
    case queued
    /// The pool's cap.
    case cap
    /// Threads of the pooltop process.
    case threads
    /// Resident memory of the pooltop process, in MiB.
    case memory
    /// CPU use of pooltop and its worker processes, in percent of one core.
    case cpu
    /// Counter updates lost to the race while the lock was off.
    case lostUpdates = "lost_updates"
    /// The share of lock acquisitions that waited over the last second, in percent.
    case lockContention = "lock_contention"
    /// The mean wait for the shared lock over the last 2 s, in milliseconds.
    case lockWait = "lock_wait"
    /// The 99th percentile of the time tasks waited in the queue, in milliseconds.
    case queueWaitP99 = "queue_wait_p99"
    /// The mean time tasks waited in the queue, in milliseconds.
    case queueWaitMean = "queue_wait_mean"
    /// The median and 99th percentile of request latency, in milliseconds.
    case requestP50 = "request_p50"
    case requestP99 = "request_p99"
    /// The median and 99th percentile of one task's service time, in milliseconds.
    case serviceP50 = "service_p50"
    case serviceP99 = "service_p99"
    /// Tasks completed, failed and rejected since the start.
    case completed, failed, rejected
    /// Tasks accepted and then dropped (discard-oldest, terminate), and tasks the submitter ran
    /// itself (caller-runs).
    case cancelled
    case ranByCaller = "ran_by_caller"
    /// Worker processes that died, and those started in their place.
    case crashed, replaced
    /// Little's law over the last seconds: λW (requests in the system it predicts), L as measured
    /// (the mean number in service), and how far apart they are, in percent of the measured L.
    case littlePredicted = "little_predicted"
    case inService = "in_service"
    case littleGap = "little_gap"

    /// The figure's value in `observation`, or nil when it has none yet (no request finished).
    public func value(in observation: PoolObservation) -> Double? {
        let snapshot = observation.snapshot
        let history = observation.history
        switch self {
        case .throughput: return Self.recentMean(history.tasksPerSecond) ?? snapshot.tasksPerSecond
        case .requestsPerSecond: return Self.recentMean(history.requestsPerSecond) ?? snapshot.requestsPerSecond
        case .busy: return Double(snapshot.busy)
        case .queued: return Double(snapshot.queueDepth)
        case .cap: return Double(snapshot.configuration.cap)
        case .threads: return Double(snapshot.process.threads)
        case .memory: return Double(snapshot.process.residentBytes) / 1_048_576
        case .cpu: return snapshot.process.cpuPercent
        case .lostUpdates: return Double(snapshot.counter.lostUpdates)
        case .lockContention: return Self.recentMean(history.lockContention) ?? snapshot.lock.contentionRatio * 100
        case .lockWait: return history.recentLock(now: snapshot.lock).meanWaitNanos / 1e6
        case .queueWaitP99: return Double(snapshot.queueWait.p99) / 1e6
        case .queueWaitMean: return snapshot.queueWait.mean / 1e6
        case .requestP50: return snapshot.requests.latency.count > 0 ? Double(snapshot.requests.latency.p50) / 1e6 : nil
        case .requestP99: return snapshot.requests.latency.count > 0 ? Double(snapshot.requests.latency.p99) / 1e6 : nil
        case .serviceP50: return snapshot.service.count > 0 ? Double(snapshot.service.p50) / 1e6 : nil
        case .serviceP99: return snapshot.service.count > 0 ? Double(snapshot.service.p99) / 1e6 : nil
        case .completed: return Double(snapshot.totals.completed)
        case .failed: return Double(snapshot.totals.failed)
        case .rejected: return Double(snapshot.totals.rejected)
        case .cancelled: return Double(snapshot.totals.cancelled)
        case .ranByCaller: return Double(snapshot.totals.ranByCaller)
        case .crashed: return Double(snapshot.workers.crashed)
        case .replaced: return Double(snapshot.workers.replaced)
        case .littlePredicted:
            guard let rate = observation.requestWindow.rate, let mean = observation.requestWindow.meanLatencyNanos else { return nil }
            return rate * mean / 1e9
        case .inService: return observation.requestWindow.meanInService
        case .littleGap:
            guard let predicted = LessonFigure.littlePredicted.value(in: observation),
                  let seen = LessonFigure.inService.value(in: observation), seen > 0 else { return nil }
            return abs(predicted - seen) / seen * 100
        }
    }

    /// The mean of the last second of samples (10 at 100 ms), or nil before there is one.
    private static func recentMean(_ series: SampleHistory) -> Double? {
        let recent = series.suffix(10)
        return recent.isEmpty ? nil : recent.reduce(0, +) / Double(recent.count)
    }

    /// `value` as the figure reads in a sentence: `1,980 tasks/s`, `12 %`, `3.4 ms`.
    public func text(_ value: Double) -> String {
        switch self {
        case .throughput: return Self.count(value) + " tasks/s"
        case .requestsPerSecond: return Self.count(value) + " requests/s"
        case .busy: return Self.count(value) + " busy"
        case .queued: return Self.count(value) + " queued"
        case .cap: return "cap " + Self.count(value)
        case .threads: return Self.count(value) + " threads"
        case .memory: return Self.count(value) + " MiB"
        case .cpu, .lockContention, .littleGap: return Self.count(value) + " %"
        case .lostUpdates: return Self.count(value) + " lost"
        case .lockWait, .queueWaitP99, .queueWaitMean, .requestP50, .requestP99, .serviceP50, .serviceP99:
            return DurationText.format(nanoseconds: UInt64(max(0, value * 1e6).rounded()))
        case .completed, .failed, .rejected, .cancelled, .ranByCaller, .crashed, .replaced: return Self.count(value)
        case .littlePredicted, .inService: return NumberText.fixed(value, decimals: 1)
        }
    }

    /// The figure's name in a sentence: "throughput", "lost updates".
    public var label: String {
        switch self {
        case .requestsPerSecond: return "requests per second"
        case .lostUpdates: return "lost updates"
        case .lockContention: return "lock contention"
        case .lockWait: return "mean lock wait"
        case .queueWaitP99: return "p99 queue wait"
        case .queueWaitMean: return "mean queue wait"
        case .requestP50: return "median request latency"
        case .requestP99: return "p99 request latency"
        case .serviceP50: return "median task time"
        case .serviceP99: return "p99 task time"
        case .crashed: return "crashed workers"
        case .ranByCaller: return "tasks run by the caller"
        case .replaced: return "replaced workers"
        case .littlePredicted: return "λW"
        case .inService: return "requests in service"
        case .littleGap: return "the gap between λW and L"
        default: return rawValue
        }
    }

    private static func count(_ value: Double) -> String {
        value.magnitude >= 10 || value == value.rounded() ? NumberText.grouped(Int(value.rounded())) : NumberText.fixed(value, decimals: 1)
    }
}
