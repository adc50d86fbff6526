/// How the pool runs its tasks.
public enum PoolMode: String, Sendable, Codable, CaseIterable, Hashable {
    /// A fixed set of OS threads, at most `cap` of them, pulling tasks from one queue.
    case threads
    /// Worker processes (the pooltop binary relaunched as `pooltop worker`).
    case processes
    /// No pool: one new thread per task, up to a hard safety ceiling.
    case unbounded

    /// The mode after this one when cycling with the `m` key, among `available`.
    public func next(among available: [PoolMode]) -> PoolMode {
        guard let index = available.firstIndex(of: self) else { return available.first ?? self }
        return available[(index + 1) % available.count]
    }
}
