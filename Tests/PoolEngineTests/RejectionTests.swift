import PoolCore
import Synchronization
import Testing
@testable import PoolEngine

@Suite("A bounded queue's rejection policies")
struct RejectionTests {
    /// A pool of one worker blocked at a gate, with a queue of two already full.
    private func fullPool(_ policy: RejectPolicy, gate: Gate, order: RunLog) -> WorkerPool {
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 1, queueBound: 2, rejectPolicy: policy),
                              burner: testBurner, probe: PoolProbe())
        pool.submit { gate.wait() }
        _ = eventually { pool.snapshot().busy == 1 }
        for index in 1...2 { pool.submit { order.append(index) } }
        return pool
    }

    @Test("abort refuses the new task with an error")
    func abort() throws {
        let gate = Gate(), order = RunLog()
        let pool = fullPool(.abort, gate: gate, order: order)
        let refused = pool.submit { order.append(3) }
        #expect(throws: TaskNotRun(outcome: .rejected)) { try refused.value() }
        gate.open()
        pool.close()
        pool.join()
        #expect(order.values == [1, 2])
        let totals = pool.snapshot().totals
        #expect(totals.rejected == 1 && totals.accepted == 3 && totals.completed == 3 && totals.addsUp)
    }

    @Test("discard-newest drops the new task silently")
    func discardNewest() throws {
        let gate = Gate(), order = RunLog()
        let pool = fullPool(.discardNewest, gate: gate, order: order)
        let result = pool.submit(TaskSpec(kind: .io, costNanos: 1), costNanos: 1, tag: .none)
        #expect(result == .discarded)
        gate.open()
        pool.close()
        pool.join()
        #expect(order.values == [1, 2])
        let totals = pool.snapshot().totals
        #expect(totals.rejected == 1 && totals.accepted == 3 && totals.addsUp)
    }

    @Test("discard-oldest cancels the oldest queued task and queues the new one")
    func discardOldest() throws {
        let gate = Gate(), order = RunLog()
        let pool = fullPool(.discardOldest, gate: gate, order: order)
        let newest = pool.submit { order.append(3) }
        gate.open()
        pool.close()
        pool.join()
        try newest.value()
        #expect(order.values == [2, 3])
        let totals = pool.snapshot().totals
        #expect(totals.cancelled == 1 && totals.accepted == 4 && totals.completed == 3 && totals.addsUp)
    }

    @Test("caller-runs runs the new task on the submitting thread before submit returns")
    func callerRuns() throws {
        let gate = Gate(), order = RunLog()
        let pool = fullPool(.callerRuns, gate: gate, order: order)
        let result = pool.submit(TaskSpec(kind: .io, costNanos: 2_000_000), costNanos: 2_000_000, tag: .none)
        #expect(result == .ranByCaller)
        #expect(pool.snapshot().counter.expected == 1)
        gate.open()
        pool.close()
        pool.join()
        #expect(order.values == [1, 2])
        let totals = pool.snapshot().totals
        #expect(totals.ranByCaller == 1 && totals.accepted == 3 && totals.addsUp)
    }
}
