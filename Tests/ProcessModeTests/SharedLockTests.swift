import Glibc
import PoolCore
import Synchronization
import Testing
@testable import PoolEngine

extension ProcessSuites {
    @Suite("The lock and counter in shared memory, across processes")
    struct SharedLockTests {
        /// Eight workers, each on its own thread, each running `perChild` increments in batches of 20.
        private func hammer(lockEnabled: Bool, perChild: Int = 200) throws -> SharedRegion {
            let fixture = try ProcessFixture()
            let children = try fixture.spawn(8)
            let failures = Atomic<Int>(0)
            OSThreads.run(children.count) { index in
                let orders = (0..<perChild).map {
                    TaskOrder(id: UInt64($0), slot: UInt16(index), criticalSectionNanos: 20_000, lockEnabled: lockEnabled)
                }
                for start in stride(from: 0, to: perChild, by: 20) {
                    let reports = try? children[index].run(Array(orders[start..<min(perChild, start + 20)]))
                    if reports?.allSatisfy({ $0.status == .completed }) != true { failures.add(1, ordering: .relaxed) }
                }
            }
            #expect(failures.load(ordering: .relaxed) == 0)
            for child in children { child.close() }
            return fixture.region
        }

        @Test("with the lock on, 8 processes × 200 increments leave the counter exact")
        func exactWithLock() throws {
            let region = try hammer(lockEnabled: true)
            #expect(region.counter == CounterStats(expected: 1600, actual: 1600))
            let stats = region.lockStats
            #expect(stats.acquisitions == 1600)
            #expect(stats.contended > 0)
            #expect(stats.holdNanosTotal >= 1600 * 20_000)
            #expect(stats.waitNanosMax > 0 && stats.waitNanosTotal >= stats.waitNanosMax)
            #expect(stats.waiters == 0)
            #expect(region.recoveredLocks == 0)
        }

        @Test("with the lock off, processes race and updates are lost")
        func racesWithoutLock() throws {
            let region = try hammer(lockEnabled: false)
            #expect(region.counter.expected == 1600)
            #expect(region.counter.lostUpdates > 0)
            #expect(region.lockStats.acquisitions == 0)
        }

        @Test("reset zeroes the counter and the lock figures")
        func reset() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            _ = try child.run((0..<10).map { TaskOrder(id: UInt64($0), slot: 0) })
            #expect(fixture.region.lockStats.acquisitions == 10)
            fixture.region.reset()
            #expect(fixture.region.counter == CounterStats())
            #expect(fixture.region.lockStats == LockStats())
            _ = try child.run(TaskOrder(id: 99, slot: 0))
            #expect(fixture.region.counter == CounterStats(expected: 1, actual: 1))
            child.close()
        }

        @Test("a worker SIGKILLed while holding the lock does not wedge the others: the next owner recovers it")
        func killedHolder() throws {
            let fixture = try ProcessFixture()
            let holder = try fixture.spawn()
            let next = try fixture.spawn()
            _ = try next.run(TaskOrder(id: 1, slot: 1))
            let outcome = Mutex<Result<TaskReport, ChildWorkerError>?>(nil)
            let done = OSThreads.start {
                let result = Result { () throws(ChildWorkerError) in
                    try holder.run(TaskOrder(id: 2, slot: 0, criticalSectionNanos: 30_000_000_000))
                }
                outcome.withLock { $0 = result }
            }
            let deadline = MonotonicClock.now() &+ 10_000_000_000
            while fixture.region.slotPhase(0) != .holdingLock, MonotonicClock.now() < deadline {
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000)
            }
            #expect(fixture.region.slotPhase(0) == .holdingLock)
            holder.kill(SIGKILL)
            done.park()
            let died = outcome.withLock { $0 }
            #expect(died.map { if case .failure(.died(holder.pid, .signalled(SIGKILL))) = $0 { true } else { false } } == true)

            let watchdog = Watchdog(next, seconds: 20)
            let recovered = try next.run(TaskOrder(id: 3, slot: 1, criticalSectionNanos: 10_000))
            let after = try next.run(TaskOrder(id: 4, slot: 1))
            #expect(!watchdog.cancel())
            #expect(recovered.status == .completed && recovered.recoveredLock)
            #expect(!after.recoveredLock)
            #expect(fixture.region.recoveredLocks == 1)
            #expect(fixture.region.counter == CounterStats(expected: 3, actual: 3))
            #expect(ProcessFixture.isReaped(holder.pid))
            next.close()
        }
    }
}
