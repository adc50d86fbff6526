import PoolCore
import Synchronization

extension SharedRegion {
    /// Sets slot `index` to `phase`, running the task `tag`, packed as a `SlotWord`. Written by the process whose
    /// worker owns the slot (a child while it runs tasks, the parent for starting/crashed/empty).
    @inline(__always)
    public func setSlot(_ index: Int, _ phase: SlotPhase, tag: TaskTag = .none) {
        setSlot(index, phase, requestID: UInt64(truncatingIfNeeded: tag.requestID),
                taskIndex: UInt64(truncatingIfNeeded: tag.taskIndex))
    }

    /// Sets slot `index` from the raw fields a task order carries.
    @inline(__always)
    func setSlot(_ index: Int, _ phase: SlotPhase, requestID: UInt64, taskIndex: UInt64) {
        guard index >= 0, index < Self.slotCapacity else { return }
        let packed = SlotWord.pack(phase, requestID: requestID, taskIndex: taskIndex)
        let cell = Self.slotsOffset + index * Self.slotStride
        word(at: cell + 8).pointee.store(MonotonicClock.now() &- origin, ordering: .relaxed)
        word(at: cell).pointee.store(packed, ordering: .releasing)
    }

    /// The phase of slot `index` (`.empty` outside the region).
    @inline(__always)
    public func slotPhase(_ index: Int) -> SlotPhase {
        guard index >= 0, index < Self.slotCapacity else { return .empty }
        return SlotWord.phase(of: word(at: Self.slotsOffset + index * Self.slotStride).pointee.load(ordering: .acquiring))
    }

    /// The state of slot `index` as the dashboard shows it.
    public func slotState(_ index: Int, retiring: Bool) -> SlotState {
        guard index >= 0, index < Self.slotCapacity else { return .empty }
        let cell = Self.slotsOffset + index * Self.slotStride
        let packed = word(at: cell).pointee.load(ordering: .acquiring)
        return SlotWord.state(of: packed, retiring: retiring, since: word(at: cell + 8).pointee.load(ordering: .relaxed))
    }

    /// Holds slot `index` or lets it go on: a worker process skips an order sent alone (`.task`)
    /// while its slot is held, answering `.skipped` without running it. The parent holds the slots
    /// that retire or belong to the old mode, so an order sent ahead to such a worker never starts
    /// past the cap.
    public func setHold(_ index: Int, _ held: Bool) {
        guard index >= 0, index < Self.slotCapacity else { return }
        word(at: Self.slotsOffset + index * Self.slotStride + 16).pointee.store(held ? 1 : 0, ordering: .sequentiallyConsistent)
    }

    /// Whether slot `index` is held (see `setHold`).
    @inline(__always)
    public func isHeld(_ index: Int) -> Bool {
        guard index >= 0, index < Self.slotCapacity else { return false }
        return word(at: Self.slotsOffset + index * Self.slotStride + 16).pointee.load(ordering: .sequentiallyConsistent) != 0
    }
}
