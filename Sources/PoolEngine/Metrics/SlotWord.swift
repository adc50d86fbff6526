import PoolCore

/// One slot's state packed in a 64-bit word, as `SlotBoard` (in process) and `SharedRegion` (in
/// shared memory) store it so a sampler reads it with one atomic load: phase in bits 0–7, task
/// index in bits 8–19, request id in bits 20–63.
enum SlotWord {
    /// The word for `phase`, running task `taskIndex` of request `requestID` (cut to their bits).
    @inline(__always)
    static func pack(_ phase: SlotPhase, requestID: UInt64, taskIndex: UInt64) -> UInt64 {
        UInt64(phase.rawValue) | (taskIndex & 0xFFF) << 8 | (requestID & 0xFFF_FFFF_FFFF) << 20
    }

    /// The word for `phase`, running the task `tag`.
    @inline(__always)
    static func pack(_ phase: SlotPhase, tag: TaskTag) -> UInt64 {
        pack(phase, requestID: UInt64(truncatingIfNeeded: tag.requestID), taskIndex: UInt64(truncatingIfNeeded: tag.taskIndex))
    }

    /// The phase in `word`.
    @inline(__always)
    static func phase(of word: UInt64) -> SlotPhase {
        SlotPhase(rawValue: UInt8(word & 0xFF)) ?? .empty
    }

    /// The slot state `word` stands for, in its phase since `since` (nanoseconds from the origin).
    static func state(of word: UInt64, retiring: Bool, since: UInt64) -> SlotState {
        SlotState(phase: phase(of: word), isRetiring: retiring, requestID: Int(word >> 20),
                  taskIndex: Int((word >> 8) & 0xFFF), phaseSinceNanos: since)
    }
}
