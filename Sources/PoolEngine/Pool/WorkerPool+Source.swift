import PoolCore

extension WorkerPool {
    /// The modes this pool can run in, in the order `m` cycles through them: process mode only
    /// when its shared region could be made.
    public var availableModes: [PoolMode] {
        PoolMode.allCases.filter { $0.executor.isAvailable(in: self) }
    }

    /// Starts or stops keeping every task's submission and run (for a recording).
    public func keepTaskEvents(_ keep: Bool) {
        queueLock.withLock { state.keepTaskEvents(keep) }
    }

    /// The task events kept since the last call, oldest first.
    public func takeTaskEvents() -> [TaskEvent] {
        queueLock.withLock { state.takeTaskEvents() }
    }

    /// Starts or stops keeping what an adaptive limiter learns: each completed task's time in
    /// service with the tasks in flight, and each drop of the bounded queue.
    public func keepLimitSamples(_ keep: Bool) {
        queueLock.withLock { state.keepLimitSamples(keep) }
    }

    /// The limiter's samples kept since the last call, oldest first.
    public func takeLimitSamples() -> [LimitSample] {
        queueLock.withLock { state.takeLimitSamples() }
    }

    /// The newest events, oldest first (at most 64).
    public var recentEvents: [PoolEvent] {
        queueLock.withLock { state.events.isEmpty ? [] : Array(state.events) }
    }
}
