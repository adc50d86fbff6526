import PoolCore
import Synchronization
import Testing
@testable import PoolEngine

@Suite("The shared lock and the interpreter lock")
struct LockTests {
    private func run(_ configuration: PoolConfiguration, tasks: Int, spec: TaskSpec, probe: PoolProbe = PoolProbe()) -> PoolSnapshot {
        let pool = WorkerPool(configuration: configuration, burner: testBurner, probe: probe)
        for index in 0..<tasks {
            _ = pool.submit(spec, costNanos: spec.costNanos, tag: TaskTag(requestID: index + 1))
        }
        pool.close()
        pool.join()
        return pool.snapshot()
    }

    @Test("with the lock on, the counter is exact and the lock saw every task")
    func counterExactWithLock() {
        let snapshot = run(PoolConfiguration(cap: 16, lockEnabled: true, criticalSectionNanos: 30_000),
                           tasks: 400, spec: TaskSpec(kind: .io, costNanos: 500_000))
        #expect(snapshot.counter.expected == 400)
        #expect(snapshot.counter.actual == 400)
        #expect(snapshot.counter.lostUpdates == 0)
        #expect(snapshot.lock.acquisitions == 400)
        #expect(snapshot.lock.contended > 0)
        #expect(snapshot.lock.holdNanosTotal >= 400 * 30_000)
        #expect(snapshot.lock.waiters == 0)
    }

    @Test("with the lock off and contention, updates are lost")
    func updatesLostWithoutLock() {
        let snapshot = run(PoolConfiguration(cap: 16, lockEnabled: false, criticalSectionNanos: 50_000),
                           tasks: 600, spec: TaskSpec(kind: .io, costNanos: 200_000))
        #expect(snapshot.counter.expected == 600)
        #expect(snapshot.counter.actual < 600)
        #expect(snapshot.counter.lostUpdates > 0)
        #expect(snapshot.lock.acquisitions == 0)
    }

    @Test("with the interpreter lock on, no two CPU slices ever overlap")
    func interpreterLockSerialisesCPU() {
        let inside = Atomic<Int>(0), overlaps = Atomic<Int>(0), slices = Atomic<Int>(0)
        let probe = PoolProbe(cpuSection: { entering in
            if entering {
                slices.add(1, ordering: .relaxed)
                if inside.add(1, ordering: .sequentiallyConsistent).newValue > 1 { overlaps.add(1, ordering: .relaxed) }
            } else {
                inside.subtract(1, ordering: .sequentiallyConsistent)
            }
        })
        let snapshot = run(PoolConfiguration(cap: 8, interpreterLockEnabled: true, switchIntervalNanos: 500_000),
                           tasks: 60, spec: TaskSpec(kind: .mixed, costNanos: 2_000_000, cpuFraction: 0.75), probe: probe)
        #expect(overlaps.load(ordering: .relaxed) == 0)
        #expect(slices.load(ordering: .relaxed) >= 60 * 3)
        #expect(snapshot.interpreterLock.acquisitions == slices.load(ordering: .relaxed))
        #expect(snapshot.interpreterLock.contended > 0)
        #expect(snapshot.totals.completed == 60)
    }
}
