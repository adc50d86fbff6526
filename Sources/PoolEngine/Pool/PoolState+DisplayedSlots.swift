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
            return (0..<nextFreshSlot).map { slot in occupants[slot].map { (index: slot, leaving: $0.retiring) } }
        }
        // Built in one typed array: concatenating arrays of unlabeled tuples into labeled ones casts
        // every element at run time, under the queue lock, every frame.
        var active: [Int] = [], leaving: [Int] = []
        for (index, occupant) in occupants {
            if occupant.role == role && !occupant.retiring { active.append(index) } else { leaving.append(index) }
        }
        active.sort()
        leaving.sort()
        var places: [(index: Int, leaving: Bool)?] = []
        places.reserveCapacity(max(configuration.cap, active.count) + leaving.count)
        for index in active { places.append((index: index, leaving: false)) }
        places.append(contentsOf: repeatElement(nil, count: max(0, configuration.cap - active.count)))
        for index in leaving { places.append((index: index, leaving: true)) }
        return places
    }
}
