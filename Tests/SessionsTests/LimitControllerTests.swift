import Foundation
import PoolCore
import PoolEngine
import Sessions
import Testing

/// The limiter beside a real pool: real tasks' times in service and the bounded queue's real drops
/// move the cap, and the cap is never exceeded.
@Suite struct LimitControllerTests {
    /// Steps `controller` until `pool` is idle (at most 30 s).
    private func stepUntilIdle(_ pool: WorkerPool, _ controller: LimitController) {
        let deadline = MonotonicClock.now() + 30_000_000_000
        while !pool.waitUntilIdle(deadline: MonotonicClock.now() + 5_000_000), MonotonicClock.now() < deadline {
            controller.step()
        }
        controller.step()
    }

    @Test func aimdGrowsTheCapWhileThePoolIsFull() throws {
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 4, limiter: LimitSettings(algorithm: .aimd, minimum: 2, maximum: 40)))
        defer { pool.terminate() }
        let controller = LimitController(pool: pool, seed: 1)
        for _ in 0..<400 { pool.submit { usleep(2_000) } }
        stepUntilIdle(pool, controller)
        let status = try #require(controller.status)
        #expect(status.samples == 400 && status.drops == 0)
        #expect(status.changes > 0 && status.maxSeen > 4 && status.maxSeen <= 40, "moved \(status.changes)× within \(status.minSeen)…\(status.maxSeen)")
        #expect(pool.configuration.cap == status.cap)
        #expect(pool.snapshot().peakBusy <= status.maxSeen, "the pool never ran more than the highest cap the limiter set")
        #expect(status.decision != nil && (status.rttNanos >= 2_000_000))
    }

    @Test func dropsOfTheBoundedQueueBackAIMDOff() throws {
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 20, queueBound: 5,
                                                               limiter: LimitSettings(algorithm: .aimd, minimum: 1, maximum: 100)))
        defer { pool.terminate() }
        let controller = LimitController(pool: pool, seed: 1)
        for _ in 0..<200 { pool.submit { usleep(20_000) } }
        controller.step()
        let status = try #require(controller.status)
        #expect(status.drops > 0 && status.drops == pool.snapshot().totals.rejected)
        #expect(status.cap < 20 && status.minSeen < 20, "the drops backed the limit off: cap \(status.cap)")
        if case .droppedTask(let factor) = status.lastChange?.rule { #expect(factor == 0.9) } else { Issue.record("last change \(String(describing: status.lastChange))") }
    }

    @Test func turningALimiterOffKeepsTheCapWhereItWas() throws {
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 4))
        defer { pool.terminate() }
        let controller = LimitController(pool: pool, seed: 1)
        #expect(controller.status == nil && !controller.isOn)
        controller.select(LimitSettings(algorithm: .vegas, minimum: 6, maximum: 50))
        #expect(controller.status?.settings.algorithm == .vegas)
        #expect(pool.configuration.cap == 6, "the cap moved into the limiter's bounds at once")
        for _ in 0..<100 { pool.submit { usleep(1_000) } }
        stepUntilIdle(pool, controller)
        let cap = pool.configuration.cap
        controller.select(LimitSettings(algorithm: .fixed))
        #expect(controller.status == nil && pool.configuration.cap == cap)
        #expect(pool.recentEvents.last?.message == "limiter off: the cap stays at \(cap)")
    }
}
