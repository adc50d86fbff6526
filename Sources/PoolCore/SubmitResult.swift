/// What the pool did with a submission.
public enum SubmitResult: Sendable, Hashable {
    /// Queued (or started at once).
    case accepted
    /// Refused: the queue was full under `abort`, or the pool was closed.
    case rejected(reason: String)
    /// Dropped because the queue was full under `discard-newest`.
    case discarded
    /// Run by the submitting thread because the queue was full under `caller-runs`.
    case ranByCaller

    /// True when the pool took the task on (it will end as completed, failed or cancelled).
    public var isAccepted: Bool { self == .accepted }
}
