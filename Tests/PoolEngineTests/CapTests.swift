import PoolCore
import Synchronization
import Testing
import Workload
@testable import PoolEngine

@Suite("The cap is never exceeded")
struct CapTests {
    @Test("a fixed cap is reached and never exceeded, seen from inside the tasks")
    func fixedCap() throws {
        let observer = Observer()
        observer.allowed.store(8, ordering: .relaxed)
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 8), burner: testBurner, probe: observer.probe)
        for _ in 0..<200 {
            // 2 ms each: long enough for all eight threads to be up before the queue drains, even
            // under ThreadSanitizer on a loaded machine (0.3 ms tasks once peaked at 7 there).
            pool.submit { MonotonicClock.sleep(until: MonotonicClock.now() + 2_000_000) }
        }
        pool.close()
        pool.join()
        #expect(observer.violations.load(ordering: .relaxed) == 0)
        #expect(observer.peak.load(ordering: .relaxed) == 8)
        let snapshot = pool.snapshot()
        #expect(snapshot.peakBusy == 8)
        #expect(snapshot.totals.completed == 200)
        #expect(snapshot.totals.addsUp)
    }

    @Test("tiny tasks a worker takes several at a time still run one at a time per worker and add up")
    func tinyTasksInBatches() throws {
        let observer = Observer()
        observer.allowed.store(4, ordering: .relaxed)
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 4, lockEnabled: false, criticalSectionNanos: 0),
                              burner: testBurner, probe: observer.probe)
        let ends = LockedValue<[Int: Int]>([:])
        for index in 0..<4_000 {
            _ = pool.submit(TaskSpec(kind: .cpu, costNanos: 2_000), costNanos: 2_000, tag: TaskTag(requestID: index + 1)) { _ in
                ends.withLock { $0[index, default: 0] += 1 }
            }
        }
        var samples = 0
        while !pool.waitUntilIdle(deadline: MonotonicClock.now() + 200_000) {
            let snapshot = pool.snapshot()
            #expect(snapshot.totals.addsUp, "sample \(samples): \(snapshot.totals)")
            #expect(snapshot.busy <= 4)
            samples += 1
        }
        pool.close()
        pool.join()
        let final = pool.snapshot()
        #expect(observer.violations.load(ordering: .relaxed) == 0)
        #expect(final.totals.completed == 4_000 && final.totals.addsUp && final.totals.queued == 0)
        #expect(final.queueWait.count == 4_000 && final.service.count == 4_000)
        #expect(ends.withLock { $0.count == 4_000 && $0.values.allSatisfy { $0 == 1 } }, "every task ended exactly once")
    }

    @Test("random resizes during a burst keep every invariant", arguments: 0..<12)
    func resizesDuringBurst(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let observer = Observer()
        var cap = Int(random.next() % 16) + 1
        observer.allowed.store(cap, ordering: .relaxed)
        let pool = WorkerPool(configuration: PoolConfiguration(cap: cap), burner: testBurner, probe: observer.probe)
        let tasks = 300
        for index in 0..<tasks {
            _ = pool.submit(TaskSpec(kind: .io, costNanos: 200_000), costNanos: 100_000 + random.next() % 300_000,
                            tag: TaskTag(requestID: index / 3 + 1, taskIndex: index % 3, fanout: 3, requestArrivalNanos: MonotonicClock.now()))
        }
        var samples = 0
        // What the observer allows: the largest cap since the pool was last seen at or under the
        // current one. After a shrink, tasks started under the old cap may still be entering
        // their bodies; once the pool's own count is within the new cap, no task starts above it.
        var limit = cap
        while !pool.waitUntilIdle(deadline: MonotonicClock.now() + 1_000_000) {
            let next = Int(random.next() % 24) + 1
            limit = max(limit, next)
            observer.allowed.store(limit, ordering: .sequentiallyConsistent)
            pool.resize(to: next)
            cap = next
            let snapshot = pool.snapshot()
            if snapshot.busy <= next {
                limit = next
                observer.allowed.store(limit, ordering: .sequentiallyConsistent)
            }
            #expect(snapshot.totals.addsUp, "sample \(samples): \(snapshot.totals)")
            samples += 1
        }
        pool.close()
        pool.join()
        let final = pool.snapshot()
        #expect(observer.violations.load(ordering: .relaxed) == 0)
        #expect(final.totals.completed == tasks)
        #expect(final.totals.addsUp)
        #expect(final.requests.completed == tasks / 3)
        #expect(final.counter.actual == tasks)
        #expect(final.liveWorkers == 0)
    }

    @Test("shrinking retires idle workers at once and busy ones when their task ends")
    func shrinkRetires() throws {
        let gate = Gate()
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 6), burner: testBurner, probe: PoolProbe())
        for _ in 0..<3 { pool.submit { gate.wait() } }
        #expect(eventually { pool.snapshot().busy == 3 })
        pool.resize(to: 1)
        #expect(eventually { pool.snapshot().liveWorkers == 3 })
        let retiring = pool.snapshot().slots.filter(\.isRetiring)
        #expect(retiring.count == 2)
        #expect(retiring.allSatisfy { $0.isRunningTask })
        gate.open(3)
        #expect(eventually { pool.snapshot().liveWorkers == 1 })
        pool.close()
        pool.join()
        #expect(pool.snapshot().totals.completed == 3)
    }
}
