import PoolCore
import Testing
@testable import PoolEngine

extension ProcessSuites {
    /// A live change of the critical section reaching the worker processes, per task order.
    @Suite("The critical section, changed while worker processes run")
    struct CriticalSectionProcessTests {
        /// Submits `count` 1 ms I/O tasks, waits until the pool is idle and returns its lock figures.
        private static func run(_ count: Int, in pool: WorkerPool, firstID: Int) -> LockStats {
            PoolProcessModeTests.submit(count, kind: .io, costNanos: 1_000_000, to: pool, firstID: firstID)
            #expect(pool.waitUntilIdle(deadline: MonotonicClock.now() &+ 30_000_000_000))
            return pool.snapshot().lock
        }

        @Test("tasks sent to the workers after setCriticalSection hold the shared-memory lock for the new time")
        func holdTimeFollowsTheChangeAcrossProcesses() {
            let pool = PoolProcessModeTests.pool(cap: 4)
            defer {
                pool.close()
                pool.join()
            }
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let before = Self.run(40, in: pool, firstID: 0)
            #expect(before.acquisitions == 40)
            #expect(before.meanHoldNanos >= 20_000 && before.meanHoldNanos < 1_000_000, "mean hold \(before.meanHoldNanos) ns")

            pool.setCriticalSection(nanos: 2_000_000)
            pool.resetStatistics()
            let after = Self.run(20, in: pool, firstID: 40)
            #expect(after.acquisitions == 20)
            #expect(after.meanHoldNanos >= 2_000_000, "mean hold \(after.meanHoldNanos) ns")

            let snapshot = pool.snapshot()
            #expect(snapshot.configuration.criticalSectionNanos == 2_000_000)
            #expect(snapshot.counter.expected == 20 && snapshot.counter.lostUpdates == 0)
            #expect(snapshot.workers.crashed == 0)
        }
    }
}
