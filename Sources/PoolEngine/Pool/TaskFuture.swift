import PoolCore

/// The result of a task submitted with `WorkerPool.submit(_:)`, like Python's `Future`.
public final class TaskFuture<Value: Sendable> {
    private let lock = ConditionLock()
    private var result: Result<Value, any Error>?  // protected by lock
    private var outcome: TaskOutcome?  // protected by lock

    init() {}

    /// Stores the closure's result (called on the worker, before the task's end is booked).
    func fulfil(with result: Result<Value, any Error>) {
        lock.withLock { self.result = result }
    }

    /// Marks the task ended and wakes waiters.
    func end(_ outcome: TaskOutcome) {
        lock.withLock {
            if self.outcome == nil { self.outcome = outcome }
            lock.broadcast(.change)
        }
    }

    /// How the task ended, or nil while it is queued or running.
    public var currentOutcome: TaskOutcome? {
        lock.withLock { outcome }
    }

    /// Waits for the task to end and returns its value, or throws its error, or throws
    /// `TaskNotRun` when it was cancelled or rejected.
    public func value() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        while outcome == nil { lock.wait(on: .change) }
        switch outcome {
        case .cancelled, .rejected: throw TaskNotRun(outcome: outcome!)
        default: break
        }
        guard let result else { throw TaskNotRun(outcome: outcome!) }
        return try result.get()
    }
}

/// The error a future throws for a task that never ran.
public struct TaskNotRun: Error, Sendable, Equatable {
    /// `.cancelled` or `.rejected`.
    public let outcome: TaskOutcome
}

// `result` and `outcome` are guarded by `lock`.
extension TaskFuture: @unchecked Sendable {}
