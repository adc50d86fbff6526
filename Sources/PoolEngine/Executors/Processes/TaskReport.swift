/// How a worker process ran one task, as it reports back to the parent.
public struct TaskReport: Sendable, Hashable {
    /// How the task ended in the worker.
    public enum Status: UInt8, Sendable, Hashable {
        /// The task ran to its end.
        case completed = 0
        /// The worker could not run it (the shared mutex was unusable, the slot out of range).
        case failed = 1
        /// The worker did not start it: its slot was held (`SharedRegion.setHold`) when the order
        /// came up; the parent queues it again.
        case skipped = 2
    }

    /// The id from the task's order.
    public var taskID: UInt64
    /// Whether the task ran to its end.
    public var status: Status
    /// True when this task's lock call found the previous owner dead and recovered the mutex.
    public var recoveredLock: Bool
    /// Wall nanoseconds spent burning CPU.
    public var computeNanos: UInt64
    /// Wall nanoseconds spent blocked (the I/O part).
    public var blockedNanos: UInt64
    /// When the worker started the task, on the monotonic clock (system-wide, so the parent can
    /// use it directly, even for tasks that came back in one batch reply).
    public var startedAt: UInt64
    /// When the worker ended the task, on the monotonic clock.
    public var endedAt: UInt64

    /// Creates a report.
    public init(taskID: UInt64, status: Status = .completed, recoveredLock: Bool = false, computeNanos: UInt64 = 0,
                blockedNanos: UInt64 = 0, startedAt: UInt64 = 0, endedAt: UInt64 = 0) {
        self.taskID = taskID
        self.status = status
        self.recoveredLock = recoveredLock
        self.computeNanos = computeNanos
        self.blockedNanos = blockedNanos
        self.startedAt = startedAt
        self.endedAt = endedAt
    }

    /// Bytes of one encoded report.
    static let encodedSize = 8 + 1 + 1 + 8 + 8 + 8 + 8
}
