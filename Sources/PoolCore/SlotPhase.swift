/// What a worker slot is doing right now.
public enum SlotPhase: UInt8, Sendable, Codable, CaseIterable, Hashable {
    /// No worker in this slot (above the cap, or unbounded mode with no thread here).
    case empty
    /// A worker is starting and has not yet asked for work.
    case starting
    /// A worker waits for a task.
    case idle
    /// A worker runs a task.
    case busy
    /// A worker waits to enter the shared lock.
    case waitingForLock
    /// A worker holds the shared lock.
    case holdingLock
    /// A worker waits for the emulated interpreter lock (GIL) before running Python-like CPU work.
    case waitingForInterpreter
    /// The worker's process died; a replacement is on its way.
    case crashed
}
