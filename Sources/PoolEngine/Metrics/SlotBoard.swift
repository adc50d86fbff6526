import PoolCore
import Synchronization

/// Every worker slot's state, written by the worker that owns the slot and read by the sampler,
/// with no lock: one atomic word per slot (phase, task index, request id) plus when the phase began.
final class SlotBoard: Sendable {
    /// The most slots a pool can have (the cap's and the ceiling's upper limit).
    static let capacity = PoolLimits.cap.upperBound

    private final class Cell: Sendable {
        let word = Atomic<UInt64>(0)
        let since = Atomic<UInt64>(0)
    }

    private let cells: [Cell]
    private let origin: UInt64

    /// Creates a board whose times count from `origin` (the pool's start, on the monotonic clock).
    init(origin: UInt64) {
        self.origin = origin
        cells = (0..<Self.capacity).map { _ in Cell() }
    }

    /// Sets slot `index` to `phase`, running the task `tag` (ignored for phases without a task).
    @inline(__always)
    func set(_ index: Int, _ phase: SlotPhase, tag: TaskTag = .none) {
        let word = SlotWord.pack(phase, tag: tag)
        cells[index].since.store(MonotonicClock.now() &- origin, ordering: .relaxed)
        cells[index].word.store(word, ordering: .releasing)
    }

    /// The state of slot `index`.
    func state(of index: Int, retiring: Bool) -> SlotState {
        let word = cells[index].word.load(ordering: .acquiring)
        return SlotWord.state(of: word, retiring: retiring, since: cells[index].since.load(ordering: .relaxed))
    }
}
