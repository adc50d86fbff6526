/// What process mode's worker processes have been through: how many were started, how many died
/// and were replaced, and how long one takes to start.
public struct WorkerProcessStats: Sendable, Hashable, Codable {
    /// Worker processes started (first starts and replacements).
    public var spawned: Int
    /// Worker processes that died without being asked to (killed, crashed).
    public var crashed: Int
    /// Crashed workers whose slot got a new process.
    public var replaced: Int
    /// Worker processes that could not be started at all.
    public var spawnFailures: Int
    /// Times the shared mutex was found with a dead owner and made consistent again.
    public var recoveredLocks: Int
    /// The last worker's start-up time (spawn until ready), in nanoseconds; 0 before the first.
    public var lastStartupNanos: UInt64
    /// The longest start-up time seen, in nanoseconds.
    public var maxStartupNanos: UInt64

    public init(spawned: Int = 0, crashed: Int = 0, replaced: Int = 0, spawnFailures: Int = 0, recoveredLocks: Int = 0,
                lastStartupNanos: UInt64 = 0, maxStartupNanos: UInt64 = 0) {
        self.spawned = spawned
        self.crashed = crashed
        self.replaced = replaced
        self.spawnFailures = spawnFailures
        self.recoveredLocks = recoveredLocks
        self.lastStartupNanos = lastStartupNanos
        self.maxStartupNanos = maxStartupNanos
    }
}
