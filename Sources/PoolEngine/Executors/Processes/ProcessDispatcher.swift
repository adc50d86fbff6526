import CPoolSupport
import Glibc
import PoolCore

/// What process mode's dispatcher thread shares with the pool threads: the epoll instance that
/// watches the outputs of the worker processes it feeds, the slots handed to it and back, and
/// whether its thread runs (`WorkerPool.dispatchLoop`).
///
/// A pool thread whose worker has a full pipeline (one order running, one sent ahead) hands its
/// slot to the dispatcher and sleeps; the dispatcher books the reports of every such worker and
/// sends each its next order, waking once for many reports instead of once a report per pool
/// thread. It hands a slot back when its pipeline drains (nothing more to send ahead), or when
/// its worker's output ends or fails, and the pool thread goes on (and finds out how it ended).
///
/// **Threading.** Everything here except `epoll` is guarded by the pool's queue lock.
final class ProcessDispatcher {
    /// A slot coming back to its pool thread: drained, or with its worker's output ended (the
    /// pool thread reads it to find out how), or failed.
    struct HandBack {
        var slot: WorkerPool.ProcessSlot
        /// The worker's output ended or could not be read.
        var ended: Bool
        /// What went wrong, when the dispatcher already knows (the worker has been reaped).
        var failure: ChildWorkerError?
    }

    /// What one ready output held in a dispatcher round: the reports that had arrived, whether the
    /// output ended, and what went wrong reading it.
    struct Arrival {
        var index: Int
        var reports: [TaskReport]
        var ended: Bool
        var failure: ChildWorkerError?
    }

    /// What one dispatcher round booked: the orders to send (after the queue lock), the actions
    /// booking left for after it, and the slots to hand back once their orders are sent.
    struct Round {
        var orders: [(index: Int, child: ChildWorker, order: TaskOrder)] = []
        var later: [() -> Void] = []
        var handBackAfterSending: Set<Int> = []
    }

    /// The epoll instance; each watched output's data is its slot index.
    let epoll: Int32
    /// Slots handed over and not yet taken by the dispatcher thread.
    var incoming: [WorkerPool.ProcessSlot] = []
    /// Slots handed back and not yet taken by their pool threads, by index.
    var handedBack: [Int: HandBack] = [:]
    /// Whether the dispatcher thread runs (it ends after a while with no slot).
    var threadRunning = false
    /// How many times a pool thread has handed its slot over (tests and figures).
    var handOvers = 0
    /// One wake-up per slot index, for its pool thread waiting to get the slot back (only that
    /// thread wakes, not every waiter on the queue lock's conditions).
    private var wakeups: [Int: WakeSignal] = [:]

    /// A dispatcher with its own epoll instance, or nil when the system refuses one (process mode
    /// then feeds every worker from its pool thread).
    init?() {
        epoll = pooltop_epoll_create()
        guard epoll >= 0 else { return nil }
    }

    deinit { close(epoll) }

    /// Starts watching `output`, the output of the worker in slot `index`; false if epoll refused.
    func watch(_ output: Int32, slot index: Int) -> Bool {
        output >= 0 && pooltop_epoll_watch(epoll, output, UInt64(index)) == 0
    }

    /// Stops watching `output`.
    func unwatch(_ output: Int32) {
        _ = pooltop_epoll_unwatch(epoll, output)
    }

    /// The wake-up the pool thread of slot `index` waits on (queue lock released) for its slot.
    func wakeup(for index: Int) -> WakeSignal {
        if let wakeup = wakeups[index] { return wakeup }
        let wakeup = WakeSignal()
        wakeups[index] = wakeup
        return wakeup
    }

    /// Hands `slot` back to its pool thread (queue lock held; the dispatcher has stopped watching
    /// its output) and wakes that thread.
    func handBack(_ slot: WorkerPool.ProcessSlot, ended: Bool = false, failure: ChildWorkerError? = nil) {
        handedBack[slot.index] = HandBack(slot: slot, ended: ended || failure != nil, failure: failure)
        wakeup(for: slot.index).signal()
    }
}

// `epoll` is immutable and epoll_ctl/epoll_wait are thread-safe; the rest is guarded by the pool's
// queue lock (see the type's notes).
extension ProcessDispatcher: @unchecked Sendable {}
