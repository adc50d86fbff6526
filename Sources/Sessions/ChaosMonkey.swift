import Glibc
import PoolCore
import PoolEngine
import Synchronization
import Workload

/// Kills random worker processes of a pool at a steady average rate (`pooltop run --chaos-kill`),
/// with exponential gaps drawn from the scenario's seed, on a thread of its own.
public final class ChaosMonkey: Sendable {
    private let pool: WorkerPool
    private let killsPerSecond: Double
    private let seed: UInt64
    private let stopped = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(true)

    /// A monkey for `pool` that kills `killsPerSecond` workers a second on average (0: none).
    public init(pool: WorkerPool, killsPerSecond: Double, seed: UInt64) {
        self.pool = pool
        self.killsPerSecond = killsPerSecond
        self.seed = seed
    }

    /// Starts killing, unless the rate is 0.
    public func start() {
        guard killsPerSecond > 0 else { return }
        finished.store(false, ordering: .releasing)
        let started = ThreadLauncher.start(stackBytes: 128 * 1024) { [self] in
            var generator = SeededGenerator(seed: seed ^ 0xC4A0_5C4A_05C4_A05C)
            var next = MonotonicClock.now()
            while !stopped.load(ordering: .acquiring) {
                let gap = -log(max(1e-12, 1 - generator.nextUnit())) / killsPerSecond
                next &+= UInt64(gap * 1e9)
                while !stopped.load(ordering: .acquiring), MonotonicClock.now() < next {
                    MonotonicClock.sleep(until: min(next, MonotonicClock.now() &+ 10_000_000))
                }
                if !stopped.load(ordering: .acquiring) { pool.killRandomWorker(using: &generator) }
            }
            finished.store(true, ordering: .releasing)
        }
        if !started { finished.store(true, ordering: .releasing) }
    }

    /// Stops killing and waits until the killing thread is done (no kill after this returns).
    public func stop() {
        stopped.store(true, ordering: .releasing)
        while !finished.load(ordering: .acquiring) { MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000) }
    }
}
