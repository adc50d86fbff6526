/// What a bounded queue does with a task that arrives when it is full.
public enum RejectPolicy: String, Sendable, Codable, CaseIterable, Hashable {
    /// Refuse the new task; the submitter gets an error (Java's AbortPolicy).
    case abort
    /// The submitting thread runs the task itself, which slows the producer down.
    case callerRuns = "caller-runs"
    /// Drop the new task silently.
    case discardNewest = "discard-newest"
    /// Drop the oldest queued task (it ends as cancelled) and queue the new one.
    case discardOldest = "discard-oldest"
}
