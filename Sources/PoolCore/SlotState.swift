/// One worker slot as the dashboard sees it: its phase, and the task it runs if any.
public struct SlotState: Sendable, Hashable, Codable {
    public var phase: SlotPhase
    /// True when the slot is above the cap: its worker exits once its current task ends.
    public var isRetiring: Bool
    /// The request whose task the slot runs (meaningful when the phase involves a task).
    public var requestID: Int
    /// Which of the request's tasks (0-based).
    public var taskIndex: Int
    /// When the slot entered its phase, in nanoseconds since the pool started.
    public var phaseSinceNanos: UInt64
    /// The worker's own name where the source knows one: a worker process's pid, a thread's name
    /// (`ThreadPoolExecutor-0_3`). Nil for the engine's anonymous slots.
    public var worker: String?

    public init(phase: SlotPhase, isRetiring: Bool = false, requestID: Int = 0, taskIndex: Int = 0, phaseSinceNanos: UInt64 = 0,
                worker: String? = nil) {
        self.phase = phase
        self.isRetiring = isRetiring
        self.requestID = requestID
        self.taskIndex = taskIndex
        self.phaseSinceNanos = phaseSinceNanos
        self.worker = worker
    }

    /// True while the slot runs a task (busy, at the lock, or waiting for the interpreter lock).
    public var isRunningTask: Bool {
        switch phase {
        case .busy, .waitingForLock, .holdingLock, .waitingForInterpreter: return true
        case .empty, .starting, .idle, .crashed: return false
        }
    }

    /// An empty slot.
    public static let empty = SlotState(phase: .empty)
}
