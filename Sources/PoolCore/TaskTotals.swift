/// The pool's task counts, read together so that they add up.
///
/// Invariant, at every sample: `accepted == completed + failed + cancelled + running + queued`.
public struct TaskTotals: Sendable, Hashable, Codable {
    /// Tasks the pool took on (submitted and not rejected).
    public var accepted: Int
    public var completed: Int
    public var failed: Int
    /// Queued tasks that never ran (terminate, discard-oldest).
    public var cancelled: Int
    public var running: Int
    public var queued: Int
    /// Submissions the pool refused (full queue with abort or discard-newest, or a closed pool).
    public var rejected: Int
    /// Tasks a full queue handed back to the submitting thread (caller-runs); not part of `accepted`.
    public var ranByCaller: Int
    /// Tasks that were sent again after their worker died (process mode).
    public var retried: Int

    public init(accepted: Int = 0, completed: Int = 0, failed: Int = 0, cancelled: Int = 0, running: Int = 0,
                queued: Int = 0, rejected: Int = 0, ranByCaller: Int = 0, retried: Int = 0) {
        self.accepted = accepted
        self.completed = completed
        self.failed = failed
        self.cancelled = cancelled
        self.running = running
        self.queued = queued
        self.rejected = rejected
        self.ranByCaller = ranByCaller
        self.retried = retried
    }

    /// True when every accepted task is accounted for exactly once.
    public var addsUp: Bool {
        accepted == completed + failed + cancelled + running + queued
    }

    /// Tasks that have ended one way or another.
    public var finished: Int { completed + failed + cancelled }
}
