/// How a task ended. Every accepted task ends exactly once, as one of the first three.
public enum TaskOutcome: Sendable, Hashable {
    case completed
    /// The task's work threw, or its worker died twice; the reason says which.
    case failed(reason: String)
    /// It was queued and never ran (terminate, discard-oldest).
    case cancelled
    /// The pool refused it (full queue, closed pool); it was never accepted.
    case rejected
}
