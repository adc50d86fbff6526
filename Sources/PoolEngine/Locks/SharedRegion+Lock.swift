import CPoolSupport
import Glibc
import PoolCore
import Synchronization

extension SharedRegion {
    /// Increments the shared counter from a worker: behind the robust mutex when `locked`, with the
    /// lock's statistics and the slot's phases (waiting, holding) recorded, or racing when not.
    ///
    /// Either way the increment is a real read-modify-write with `criticalSectionNanos` of spinning
    /// between the load and the store. The increment is counted together with the store, so a
    /// worker killed inside the critical section leaves neither behind and the counter stays exact.
    /// - Returns: true when the previous owner had died holding the mutex and this call recovered
    ///   it (EOWNERDEAD, then `pthread_mutex_consistent`); the recovery is counted in the region.
    func incrementCounter(criticalSectionNanos: UInt64, locked: Bool, slot: Int,
                          requestID: UInt64, taskIndex: UInt64) throws(SharedRegionError) -> Bool {
        guard locked else {
            racyIncrement(criticalSectionNanos: criticalSectionNanos)
            return false
        }
        setSlot(slot, .waitingForLock, requestID: requestID, taskIndex: taskIndex)
        let start = MonotonicClock.now()
        var recovered: Int32 = 0
        var wasContended = false
        var rc = pooltop_robust_mutex_trylock(mutex, &recovered)
        if rc == EBUSY {
            wasContended = true
            rc = pooltop_robust_mutex_lock(mutex, &recovered)
        }
        guard rc == 0 else { throw .system(call: "pthread_mutex_lock", errno: rc) }
        setSlot(slot, .holdingLock, requestID: requestID, taskIndex: taskIndex)
        if recovered != 0 { word(.recoveries).pointee.add(1, ordering: .relaxed) }
        lockMeter.holding(since: start, contended: wasContended) {
            racyIncrement(criticalSectionNanos: criticalSectionNanos)
        }
        pooltop_robust_mutex_unlock(mutex)
        return recovered != 0
    }

    /// Loads the counter, spins for `criticalSectionNanos`, stores the value plus one and counts
    /// the increment: exact behind the mutex, losing updates to other processes without it.
    private func racyIncrement(criticalSectionNanos: UInt64) {
        let value = word(.counterValue)
        let seen = value.pointee.load(ordering: .acquiring)
        MonotonicClock.spin(for: criticalSectionNanos)
        value.pointee.store(seen &+ 1, ordering: .releasing)
        word(.counterIncrements).pointee.add(1, ordering: .relaxed)
    }
}
