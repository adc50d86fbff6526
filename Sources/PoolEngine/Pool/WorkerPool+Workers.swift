import PoolCore

/// What every kind of pool thread shares: the batching and wake-up limits, starting the workers
/// the state claimed, waiting for work, and leaving a slot.
extension WorkerPool {
    /// The most wake-ups of waiting workers on their way at once: one per core. Each woken worker
    /// passes the wake-up on while work remains, so every idle worker is still reached, but a burst
    /// of tiny tasks is not spread over 50 threads fighting for 2 cores (measured: no-op dispatch
    /// 6 µs → 0.6 µs a task; 10 ms I/O stays at 99 % of ideal).
    static let wakeupsInFlightLimit = max(2, MonotonicClock.cores)

    /// The most tiny tasks a worker takes at once when the queue is deep (one visit to the queue
    /// lock for a worker thread, one frame to a worker process).
    static let batchLimit = 64
    /// Tasks at most this long (after the time scale) may be taken several at a time: for them a
    /// visit to the queue lock, or a pipe round trip, each would cost more than the work.
    static let batchableCostNanos: UInt64 = 100_000

    /// Stack size of a pool worker: the work kernels need little.
    static let workerStackBytes = 512 * 1024

    /// Starts the threads of the workers claimed by `balanceWorkers`, each as its executor does: a
    /// worker thread in thread mode, a pool thread that starts and feeds a worker process in
    /// process mode.
    func startWorkers(in claimed: [(slot: Int, role: PoolState.Occupant.Role)]) {
        for (index, role) in claimed where !role.executor.startWorker(in: index, of: self) {
            queueLock.withLock { state.workerRefused(index, now: MonotonicClock.now()) }
            slots.set(index, .empty)
        }
    }

    /// Waits (queue lock held) for work, or until `deadline`, counted as an idle worker. On waking,
    /// passes the wake-up on: if more work is queued than this worker and those already being woken
    /// can take, it wakes the next one, so a burst ramps up without one wake-up per task.
    func waitForWork(until deadline: UInt64? = nil) {
        state.workerWaits()
        if let deadline { queueLock.wait(on: .work, until: deadline) } else { queueLock.wait(on: .work) }
        if state.workerWoke() { queueLock.signal(.work) }
    }

    /// Gives back the slot of a pool worker that leaves (queue lock held; it stays held): passes a
    /// wake-up on if work is queued, and tells `join` and `waitUntilIdle`.
    func releaseWorkerSlot(_ index: Int) {
        state.releaseSlot(index)
        if !state.queue.isEmpty { queueLock.signal(.work) }
        queueLock.broadcast(.change)
    }
}
