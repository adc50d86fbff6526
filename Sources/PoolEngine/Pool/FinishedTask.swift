import PoolCore

/// A task that ended, handed back to the pool at the worker's next visit to the queue lock.
struct FinishedTask {
    var tag: TaskTag
    var outcome: TaskOutcome
    var startedAt: UInt64
    var endedAt: UInt64
    var computeNanos: UInt64
    var blockedNanos: UInt64
    /// Process mode: the task's lock call found the previous owner dead and recovered the mutex.
    var recoveredLock = false
}
