/// A task waiting in the queue, as the queue strip shows it.
public struct QueuedTask: Sendable, Hashable, Codable {
    public var tag: TaskTag
    /// How long it has waited so far, in nanoseconds.
    public var waitedNanos: UInt64

    public init(tag: TaskTag, waitedNanos: UInt64) {
        self.tag = tag
        self.waitedNanos = waitedNanos
    }
}
