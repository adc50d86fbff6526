import PoolCore

/// What the dashboard has seen of the pool: the newest snapshot, the graphs' history, and since
/// when each slot has been doing what it does now.
///
/// The state keeps a live observation that every snapshot updates, and a frozen copy while the
/// screen is paused.
public struct PoolObservation: Sendable, Equatable {
    /// The newest snapshot (an empty one before the first arrives).
    public private(set) var snapshot: PoolSnapshot
    /// One sample per snapshot for each graph.
    public private(set) var history: DashboardHistory
    /// Snapshots seen so far.
    public private(set) var snapshotCount: Int
    /// For each slot, the engine time at which its current phase and task were first seen.
    public private(set) var slotSince: [UInt64]
    /// The requests of the last few seconds, for Little's law.
    public private(set) var requestWindow = RequestWindow()

    /// Creates an observation that has seen nothing yet.
    public init() {
        snapshot = PoolSnapshot()
        history = DashboardHistory()
        snapshotCount = 0
        slotSince = []
    }

    /// True once a snapshot has arrived.
    public var hasSnapshot: Bool { snapshotCount > 0 }

    /// Takes in a new snapshot: records the graphs and notes which slots changed what they do.
    public mutating func record(_ next: PoolSnapshot) {
        let previous = snapshot.slots
        var since = slotSince
        since.reserveCapacity(next.slots.count)
        for (index, slot) in next.slots.enumerated() {
            if index >= since.count {
                since.append(next.elapsedNanos)
            } else if index >= previous.count || !PoolObservation.sameActivity(previous[index], slot) {
                since[index] = next.elapsedNanos
            }
        }
        if since.count > next.slots.count { since.removeLast(since.count - next.slots.count) }
        slotSince = since
        snapshot = next
        history.record(next)
        requestWindow.record(next)
        snapshotCount += 1
    }

    /// How long slot `index` has been in its current phase and task, in nanoseconds, or nil when
    /// there is no such slot.
    ///
    /// For a slot that has not changed since the first snapshot, this is a lower bound.
    public func duration(ofSlot index: Int) -> UInt64? {
        guard index >= 0, index < slotSince.count else { return nil }
        return snapshot.elapsedNanos &- min(snapshot.elapsedNanos, slotSince[index])
    }

    /// True when two samples of a slot show the same phase on the same task.
    static func sameActivity(_ a: SlotState, _ b: SlotState) -> Bool {
        a.phase == b.phase && a.isRetiring == b.isRetiring && a.requestID == b.requestID && a.taskIndex == b.taskIndex
    }
}
