/// Which request a task belongs to: what the slots and the queue strip show.
public struct TaskTag: Sendable, Hashable, Codable {
    /// The request's number (from 1); 0 for a task that belongs to no request.
    public var requestID: Int
    /// Which of the request's tasks (0-based).
    public var taskIndex: Int
    /// How many tasks the request fanned out into.
    public var fanout: Int
    /// When the request arrived, in nanoseconds on the engine's monotonic clock.
    public var requestArrivalNanos: UInt64

    public init(requestID: Int, taskIndex: Int = 0, fanout: Int = 1, requestArrivalNanos: UInt64 = 0) {
        self.requestID = requestID
        self.taskIndex = taskIndex
        self.fanout = fanout
        self.requestArrivalNanos = requestArrivalNanos
    }

    /// A task that belongs to no request.
    public static let none = TaskTag(requestID: 0)
}
