extension PoolState {
    /// The slots a snapshot shows, in order: the current mode's active workers by slot index, empty
    /// places up to the cap, then the workers on their way out (above the cap, or of the previous
    /// mode) by slot index. Nil marks an empty place.
    ///
    /// Slot indices are never moved while a worker holds one, so after a mode switch the new
    /// mode's workers may sit above the old ones' indices; shown in this order the grid still has
    /// exactly the cap's places, and the leaving ones after them until they are gone.
    var displayedSlots: [(index: Int, leaving: Bool)?] {
        guard let role = workerRole else {
            return (0..<nextFreshSlot).map { occupants[$0] == nil ? nil : ($0, occupants[$0]!.retiring) }
        }
        let active = occupants.filter { $0.value.role == role && !$0.value.retiring }.keys.sorted()
        let leaving = occupants.filter { $0.value.role != role || $0.value.retiring }.keys.sorted()
        let places = active.map { Optional(($0, false)) }
        let empty = [(index: Int, leaving: Bool)?](repeating: nil, count: max(0, configuration.cap - active.count))
        return places + empty + leaving.map { Optional(($0, true)) }
    }
}
