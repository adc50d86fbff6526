import PoolCore

extension LockStats {
    /// The figures of two locks that stand for one (thread mode's and process mode's, after a live
    /// mode switch): counts and totals add, the longest wait is the longer of the two.
    func combined(with other: LockStats) -> LockStats {
        LockStats(acquisitions: acquisitions + other.acquisitions, contended: contended + other.contended,
                  waitNanosTotal: waitNanosTotal &+ other.waitNanosTotal, waitNanosMax: Swift.max(waitNanosMax, other.waitNanosMax),
                  holdNanosTotal: holdNanosTotal &+ other.holdNanosTotal, waiters: waiters + other.waiters)
    }
}
