import PoolCore
import Testing
@testable import PoolEngine

@Suite("The critical section, changed while the pool runs")
struct CriticalSectionTests {
    /// Submits `count` 1 ms I/O tasks, waits until the pool is idle and returns its lock figures.
    private static func run(_ count: Int, in pool: WorkerPool, firstID: Int) -> LockStats {
        let spec = TaskSpec(kind: .io, costNanos: 1_000_000)
        for index in firstID..<(firstID + count) {
            _ = pool.submit(spec, costNanos: spec.costNanos, tag: TaskTag(requestID: index + 1))
        }
        #expect(pool.waitUntilIdle(deadline: MonotonicClock.now() &+ 30_000_000_000))
        return pool.snapshot().lock
    }

    @Test("tasks that start after setCriticalSection hold the lock for the new time; the snapshot and the events show it",
          arguments: [PoolMode.threads, .unbounded])
    func holdTimeFollowsTheChange(mode: PoolMode) {
        let pool = WorkerPool(configuration: PoolConfiguration(mode: mode, cap: 4, lockEnabled: true), burner: testBurner, probe: PoolProbe())
        defer {
            pool.close()
            pool.join()
        }
        #expect(pool.configuration.criticalSectionNanos == 20_000)
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
        #expect(snapshot.events.contains { $0.kind == .settingChanged && $0.message == "critical section 20us → 2ms" })
    }

    @Test("a critical section beyond 100 ms is clamped to it, and the event says so")
    func clampedToTheLimits() {
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 1), burner: testBurner, probe: PoolProbe())
        defer {
            pool.close()
            pool.join()
        }
        pool.setCriticalSection(nanos: 5_000_000_000)
        #expect(pool.configuration.criticalSectionNanos == PoolLimits.criticalSection.upperBound)
        #expect(pool.recentEvents.last?.message == "critical section 20us → 100ms (at most 100ms)")
        pool.setCriticalSection(nanos: .max)
        #expect(pool.configuration.criticalSectionNanos == 100_000_000)
        pool.setCriticalSection(nanos: 0)
        #expect(pool.configuration.criticalSectionNanos == 0)
        #expect(pool.recentEvents.last?.message == "critical section 100ms → 0ns")
    }
}
