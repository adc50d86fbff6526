import PoolCore

/// One task in the pool's queue: its work, which request it belongs to, and whom to tell when it ends.
struct Job: Sendable {
    /// What the task does.
    enum Work: Sendable {
        /// Real CPU and/or blocking work of this cost (already drawn; the time scale applies at run time).
        case simulated(TaskSpec, costNanos: UInt64)
        /// A caller's closure (`submit`, `map`).
        case closure(@Sendable () throws -> Void)
    }

    var work: Work
    var tag: TaskTag
    /// When it was submitted, on the monotonic clock.
    var enqueuedAt: UInt64
    /// Called once, on the thread that ended it, when the task ends.
    var onFinish: (@Sendable (TaskOutcome) -> Void)?
    /// Times the task was sent again because its worker process died while it ran.
    var retries = 0
}
