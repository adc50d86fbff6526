import PoolCore
import PoolEngine
import Synchronization

/// The dashboard's sampling without the dashboard: a thread of its own that takes
/// `pool.snapshot()` at a fixed rate until stopped, as the UI loop does every frame.
final class BenchSampler: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let taken = Atomic<Int>(0)
    private let exited = WakeSignal()

    /// Starts sampling `pool` `fps` times a second on a new thread.
    init(pool: WorkerPool, fps: Int) {
        let period = 1_000_000_000 / UInt64(max(1, fps))
        let started = ThreadLauncher.start { [self] in
            var next = MonotonicClock.now()
            while !stopping.load(ordering: .relaxed) {
                _ = pool.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)
                taken.add(1, ordering: .relaxed)
                next += period
                MonotonicClock.sleep(until: next)
            }
            exited.signal()
        }
        if !started { exited.signal() }
    }

    /// Stops the thread and waits for it to leave; returns the number of snapshots taken.
    func stop() -> Int {
        stopping.store(true, ordering: .relaxed)
        exited.wait()
        return taken.load(ordering: .relaxed)
    }
}
