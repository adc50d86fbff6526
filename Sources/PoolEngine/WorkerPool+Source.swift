import PoolCore

extension WorkerPool {
    /// The modes this pool can run in, in the order `m` cycles through them: process mode only
    /// when its shared region could be made.
    public var availableModes: [PoolMode] {
        PoolMode.allCases.filter { $0 != .processes || processes != nil }
    }

    /// The newest events, oldest first (at most 64).
    public var recentEvents: [PoolEvent] {
        queueLock.withLock { state.events.isEmpty ? [] : Array(state.events) }
    }
}
