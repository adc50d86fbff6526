import PoolCore
import Synchronization

/// The measurements of one lock: acquisitions, contended acquisitions, wait time (total and
/// longest), hold time, and, for an in-process lock, the threads waiting now. Every lock of the
/// pool (`InstrumentedLock`, `InterpreterLock`, the shared region's mutex) records through one.
///
/// A meter is a view of consecutive 64-bit atomic words, in the order of `Word`: its own memory
/// (`allocate()`) or words of shared memory, so the shared-memory lock's figures are written by
/// every worker process. The figures other than the waiters are written only by the lock's holder,
/// so plain atomic loads and stores suffice and a sampler reads them without taking the lock.
struct LockMeter {
    /// The words of a meter, in memory order.
    enum Word: Int, CaseIterable {
        case acquisitions, contended, waitTotal, waitMax, holdTotal
        /// Threads waiting now; only in a meter made by `allocate()`.
        case waiters
    }

    private let base: UnsafeMutablePointer<Atomic<UInt64>>

    /// A meter over words that live elsewhere (shared memory): `Word.acquisitions` through
    /// `Word.holdTotal`, consecutive from `base`. Its `waiters` word must not be used.
    init(words base: UnsafeMutablePointer<Atomic<UInt64>>) {
        self.base = base
    }

    /// A meter with its own zeroed words, waiters included; `deallocate()` it when its lock goes.
    static func allocate() -> LockMeter {
        let words = UnsafeMutablePointer<Atomic<UInt64>>.allocate(capacity: Word.allCases.count)
        for index in 0..<Word.allCases.count { (words + index).initialize(to: Atomic(0)) }
        return LockMeter(words: words)
    }

    /// Frees the words of a meter made by `allocate()`.
    func deallocate() {
        base.deinitialize(count: Word.allCases.count)
        base.deallocate()
    }

    @inline(__always)
    private func word(_ word: Word) -> UnsafeMutablePointer<Atomic<UInt64>> { base + word.rawValue }

    /// Adds `amount` to `word`; call holding the lock (the holder is the only writer).
    @inline(__always)
    private func bump(_ word: Word, by amount: UInt64) {
        let target = self.word(word)
        target.pointee.store(target.pointee.load(ordering: .relaxed) &+ amount, ordering: .relaxed)
    }

    // MARK: - Recording

    /// Runs `body` for a holder that asked for the lock at `start` (and had to wait for it if
    /// `contended`) and has just got it: records the acquisition, then the hold once `body` ends.
    /// Call holding the lock; release it after this returns.
    @inline(__always)
    func holding<R>(since start: UInt64, contended: Bool, _ body: () throws -> R) rethrows -> R {
        let acquired = MonotonicClock.now()
        bump(.acquisitions, by: 1)
        if contended {
            let waited = acquired &- start
            bump(.contended, by: 1)
            bump(.waitTotal, by: waited)
            let most = word(.waitMax)
            if waited > most.pointee.load(ordering: .relaxed) { most.pointee.store(waited, ordering: .relaxed) }
        }
        defer { bump(.holdTotal, by: MonotonicClock.now() &- acquired) }
        return try body()
    }

    /// A thread starts waiting for the lock (in-process meters only).
    @inline(__always)
    func waiterArrived() { word(.waiters).pointee.add(1, ordering: .relaxed) }

    /// A waiting thread got the lock (in-process meters only).
    @inline(__always)
    func waiterLeft() { word(.waiters).pointee.subtract(1, ordering: .relaxed) }

    // MARK: - Reading

    /// The threads waiting now, as counted by `waiterArrived`/`waiterLeft`.
    var countedWaiters: Int { max(0, Int(truncatingIfNeeded: word(.waiters).pointee.load(ordering: .relaxed))) }

    /// The figures as of now, with `waiters` waiting.
    func stats(waiters: Int) -> LockStats {
        LockStats(
            acquisitions: Int(word(.acquisitions).pointee.load(ordering: .relaxed)),
            contended: Int(word(.contended).pointee.load(ordering: .relaxed)),
            waitNanosTotal: word(.waitTotal).pointee.load(ordering: .relaxed),
            waitNanosMax: word(.waitMax).pointee.load(ordering: .relaxed),
            holdNanosTotal: word(.holdTotal).pointee.load(ordering: .relaxed),
            waiters: waiters
        )
    }

    /// Sets every figure but the waiters back to zero; call holding the lock.
    func reset() {
        for field in [Word.acquisitions, .contended, .waitTotal, .waitMax, .holdTotal] {
            word(field).pointee.store(0, ordering: .relaxed)
        }
    }
}
