import PoolCore
import Synchronization
import Testing
@testable import PoolEngine

@Suite("submit, map, close, join, terminate")
struct LifecycleTests {
    @Test("map returns results in input order and rethrows the first error")
    func mapKeepsOrder() throws {
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 4), burner: testBurner, probe: PoolProbe())
        let squares = try pool.map(Array(0..<50)) { value -> Int in
            MonotonicClock.sleep(until: MonotonicClock.now() + UInt64((50 - value) * 20_000))
            return value * value
        }
        #expect(squares == (0..<50).map { $0 * $0 })
        struct Boom: Error {}
        #expect(throws: Boom.self) { _ = try pool.map([1, 2, 3]) { value -> Int in if value == 2 { throw Boom() }; return value } }
        pool.close()
        pool.join()
        let totals = pool.snapshot().totals
        #expect(totals.completed == 52)
        #expect(totals.failed == 1)
        #expect(totals.addsUp)
    }

    @Test("close refuses new work, runs what is queued, and join waits for it")
    func closeThenJoin() throws {
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 2), burner: testBurner, probe: PoolProbe())
        let done = Atomic<Int>(0)
        for _ in 0..<20 { pool.submit { MonotonicClock.sleep(until: MonotonicClock.now() + 1_000_000); done.add(1, ordering: .relaxed) } }
        pool.close()
        let late = pool.submit { 1 }
        #expect(throws: TaskNotRun(outcome: .rejected)) { try late.value() }
        pool.join()
        #expect(done.load(ordering: .relaxed) == 20)
        let snapshot = pool.snapshot()
        #expect(snapshot.totals.completed == 20)
        #expect(snapshot.totals.rejected == 1)
        #expect(snapshot.liveWorkers == 0)
    }

    @Test("terminate cancels what is queued; running tasks end; every task ends exactly once")
    func terminateCancelsQueue() throws {
        let gate = Gate()
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 1), burner: testBurner, probe: PoolProbe())
        let first = pool.submit { gate.wait(); return "ran" }
        let rest = (0..<9).map { index in pool.submit { index } }
        #expect(eventually { pool.snapshot().busy == 1 })
        #expect(pool.terminate() == 9)
        gate.open()
        pool.join()
        #expect(try first.value() == "ran")
        for future in rest { #expect(throws: TaskNotRun(outcome: .cancelled)) { try future.value() } }
        let totals = pool.snapshot().totals
        #expect(totals.accepted == 10)
        #expect(totals.completed == 1)
        #expect(totals.cancelled == 9)
        #expect(totals.addsUp)
    }
}
