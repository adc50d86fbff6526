import CPoolSupport
import PoolCore

extension WorkerPool {
    /// The life of one pool worker: fetch a task under the queue lock (several tiny ones when the
    /// queue is deep, run one after another), run it without any lock, hand back the figures and
    /// fetch the next in one visit to the lock, repeat until told to exit.
    func workerLoop(slot index: Int) {
        pooltop_thread_set_name("pooltop-w\(index)")
        queueLock.lock()
        while true {
            let now = MonotonicClock.now()
            switch state.nextStep(forWorkerIn: index, now: now) {
            case .run(let job):
                let batch = state.takeBatch(after: job, now: now)
                let settings = state.configuration
                queueLock.unlock()
                var records = [execute(job, slot: index, startedAt: now, settings: settings)]
                job.onFinish?(records[0].outcome)
                for next in batch {
                    records.append(execute(next, slot: index, startedAt: MonotonicClock.now(), settings: settings))
                    next.onFinish?(records[records.count - 1].outcome)
                }
                slots.set(index, .idle)
                queueLock.lock()
                if state.finish(records, batch: batch, in: index) { queueLock.broadcast(.change) }
            case .wait:
                slots.set(index, .idle)
                waitForWork()
            case .exit:
                slots.set(index, .empty)
                releaseWorkerSlot(index)
                queueLock.unlock()
                return
            }
        }
    }
}
