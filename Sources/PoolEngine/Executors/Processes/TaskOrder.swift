import PoolCore

/// One task as the parent sends it to a worker process: everything the worker needs to run it,
/// with the costs already drawn and scaled.
public struct TaskOrder: Sendable, Hashable {
    /// The parent's id for the task; the report carries it back.
    public var id: UInt64
    /// The worker's slot, whose shared-memory word the worker updates while it runs the task.
    public var slot: UInt16
    /// The request the task belongs to (shown in the slot).
    public var requestID: UInt64
    /// Which of the request's tasks (shown in the slot).
    public var taskIndex: UInt32
    /// Nanoseconds of CPU to burn.
    public var cpuNanos: UInt64
    /// Nanoseconds to block without CPU, after the CPU part.
    public var ioNanos: UInt64
    /// Nanoseconds to spin between the counter's load and store.
    public var criticalSectionNanos: UInt64
    /// Whether the counter update takes the shared robust mutex.
    public var lockEnabled: Bool
    /// Seed of the CPU loop.
    public var seed: UInt64

    /// Creates an order; `seed` defaults to one derived from the id.
    public init(id: UInt64, slot: UInt16, requestID: UInt64 = 0, taskIndex: UInt32 = 0, cpuNanos: UInt64 = 0,
                ioNanos: UInt64 = 0, criticalSectionNanos: UInt64 = 0, lockEnabled: Bool = true, seed: UInt64? = nil) {
        self.id = id
        self.slot = slot
        self.requestID = requestID
        self.taskIndex = taskIndex
        self.cpuNanos = cpuNanos
        self.ioNanos = ioNanos
        self.criticalSectionNanos = criticalSectionNanos
        self.lockEnabled = lockEnabled
        self.seed = seed ?? (id &* 0x9E37_79B9_7F4A_7C15 | 1)
    }

    /// An order for a task of `tag`, labelled with its request and task index.
    public init(id: UInt64, slot: Int, tag: TaskTag, cpuNanos: UInt64, ioNanos: UInt64,
                criticalSectionNanos: UInt64, lockEnabled: Bool) {
        self.init(id: id, slot: UInt16(truncatingIfNeeded: slot), requestID: UInt64(truncatingIfNeeded: tag.requestID),
                  taskIndex: UInt32(truncatingIfNeeded: tag.taskIndex), cpuNanos: cpuNanos, ioNanos: ioNanos,
                  criticalSectionNanos: criticalSectionNanos, lockEnabled: lockEnabled)
    }

    /// Bytes of one encoded order.
    static let encodedSize = 8 + 2 + 8 + 4 + 8 + 8 + 8 + 1 + 8
}
