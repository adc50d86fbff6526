import PoolCore
import Testing
@testable import PoolEngine

@Suite("What a queued task holds")
struct QueuedTaskMemoryTests {
    @Test("a queued simulated task is 48 bytes inline, a closure's out of line, and keeps what it was given")
    func jobLayout() {
        #expect(MemoryLayout<Job>.stride == 48)
        let spec = TaskSpec(kind: .mixed, costNanos: 10_000_000, cpuFraction: 0.3)
        let job = Job(work: .simulated(spec, costNanos: 12_345_678),
                      tag: TaskTag(requestID: 987_654_321, taskIndex: 4, fanout: 5, requestArrivalNanos: 42),
                      enqueuedAt: 7, onFinish: nil)
        guard case .simulated(let kept, let cost) = job.work else {
            Issue.record("a simulated task came back as a closure")
            return
        }
        #expect(cost == 12_345_678 && kept.split(cost: cost) == spec.split(cost: cost))
        #expect(job.tag == TaskTag(requestID: 987_654_321, taskIndex: 4, fanout: 5), "the arrival is the ledger's, not the task's")
        #expect(job.enqueuedAt == 7 && job.retries == 0 && job.onFinish == nil && job.isSimulated)
        let closure = Job(work: .closure {}, tag: .none, enqueuedAt: 0, onFinish: { _ in })
        #expect(!closure.isSimulated && closure.onFinish != nil && closure.simulatedCostNanos == nil)
    }

    @Test("a request is in service from its first queued task, with the arrival its tag gave")
    func ledgerKeepsTheArrival() throws {
        let pool = WorkerPool(configuration: PoolConfiguration(mode: .threads, cap: 1, lockEnabled: false, criticalSectionNanos: 0))
        defer {
            pool.close()
            pool.join()
        }
        let arrival = MonotonicClock.now()
        for index in 0..<3 {
            let tag = TaskTag(requestID: 1, taskIndex: index, fanout: 3, requestArrivalNanos: arrival)
            #expect(pool.submit(TaskSpec(kind: .io, costNanos: 5_000_000), costNanos: 5_000_000, tag: tag) == .accepted)
        }
        #expect(pool.snapshot().requests.arrived == 1)
        #expect(pool.waitUntilIdle(deadline: MonotonicClock.now() + 10_000_000_000))
        let snapshot = pool.snapshot()
        #expect(snapshot.requests.completed == 1)
        // Three 5 ms tasks one after another: the request took at least 15 ms from its arrival.
        #expect(snapshot.requests.latency.max >= 15_000_000)
    }
}
