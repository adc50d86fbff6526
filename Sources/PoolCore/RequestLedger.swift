/// Keeps count of each request's unfinished tasks, so that a request ends when its last task ends.
///
/// A plain value: the engine keeps one under its queue lock and feeds it task endings in batches.
public struct RequestLedger: Sendable {
    /// 16 bytes: a ledger may hold hundreds of thousands of requests whose tasks wait.
    private struct Entry: Sendable {
        var arrivalNanos: UInt64
        var remaining: Int32
        var hadFailure: Bool
    }

    private var open: [Int: Entry] = [:]
    /// Requests seen so far.
    public private(set) var arrived = 0
    /// Requests whose every task completed.
    public private(set) var completed = 0
    /// Requests that ended with at least one task not completed.
    public private(set) var failed = 0

    public init() {}

    /// Requests still in service.
    public var inService: Int { open.count }

    /// Notes that a task of `tag`'s request ended; returns the request's latency when it was the last.
    /// - Parameters:
    ///   - tag: the task's tag; tasks with request 0 belong to no request and are ignored.
    ///   - succeeded: false when the task failed, was cancelled or was rejected.
    ///   - nanos: when the task ended, on the engine's clock.
    public mutating func taskEnded(_ tag: TaskTag, succeeded: Bool, at nanos: UInt64) -> UInt64? {
        guard tag.requestID != 0 else { return nil }
        var entry = open[tag.requestID] ?? {
            arrived += 1
            return Entry(arrivalNanos: tag.requestArrivalNanos, remaining: Int32(clamping: tag.fanout), hadFailure: false)
        }()
        entry.remaining -= 1
        entry.hadFailure = entry.hadFailure || !succeeded
        guard entry.remaining <= 0 else {
            open[tag.requestID] = entry
            return nil
        }
        open[tag.requestID] = nil
        if entry.hadFailure {
            failed += 1
            return nil
        }
        completed += 1
        return nanos &- min(nanos, entry.arrivalNanos)
    }

    /// Notes that a request arrived, so it counts as in service before any of its tasks ends.
    public mutating func requestArrived(_ tag: TaskTag) {
        guard tag.requestID != 0, open[tag.requestID] == nil else { return }
        arrived += 1
        open[tag.requestID] = Entry(arrivalNanos: tag.requestArrivalNanos, remaining: Int32(clamping: tag.fanout), hadFailure: false)
    }

    /// Forgets the counts (but keeps the requests in service, which still end later).
    public mutating func resetCounts() {
        arrived = open.count
        completed = 0
        failed = 0
    }
}
