import Glibc
import PoolCore
import Testing
@testable import PoolEngine

extension ProcessSuites {
    /// Process mode's dispatcher thread: one thread feeding every worker whose pipeline is full.
    @Suite("The dispatcher thread")
    struct ProcessDispatcherTests {
        /// Waits up to `seconds` for `child`'s output to be readable.
        static func awaitOutput(of child: ChildWorker, seconds: Int32 = 5) -> Bool {
            var poller = pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)
            return poll(&poller, 1, seconds * 1000) == 1
        }

        @Test("reports that arrived are taken in order without blocking; what has not arrived is left for later")
        func arrivedReportsInOrder() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            try child.start(TaskOrder(id: 1, slot: 0, cpuNanos: 100_000))
            try child.start(TaskOrder(id: 2, slot: 0, ioNanos: 300_000_000))
            #expect(Self.awaitOutput(of: child))
            let first = try child.arrivedReports(for: [1, 2])
            #expect(first.reports.map(\.taskID) == [1], "the second task still runs: only the first report")
            #expect(!first.ended)
            #expect(Self.awaitOutput(of: child))
            let second = try child.arrivedReports(for: [2])
            #expect(second.reports.map(\.taskID) == [2] && !second.ended)
            child.close()
        }

        @Test("a killed worker's output says it ended, and awaitReport then says how")
        func arrivedReportsAtDeath() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            try child.start(TaskOrder(id: 1, slot: 0, ioNanos: 5_000_000_000))
            child.kill(SIGKILL)
            #expect(Self.awaitOutput(of: child))
            let arrived = try child.arrivedReports(for: [1])
            #expect(arrived.reports.isEmpty && arrived.ended)
            #expect(throws: ChildWorkerError.self) { try child.awaitReport(of: 1) }
            #expect(child.exit != nil, "reaped")
        }

        @Test("a report of another task than the oldest order breaks the protocol")
        func arrivedReportsOutOfOrder() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            try child.start(TaskOrder(id: 7, slot: 0))
            #expect(Self.awaitOutput(of: child))
            #expect(throws: ChildWorkerError.self) { try child.arrivedReports(for: [8]) }
            #expect(child.exit != nil, "killed and reaped")
        }

        @Test("a deep queue goes through the dispatcher: pipelines handed over, each task booked once, the cap and counter exact")
        func deepQueue() throws {
            let pool = PoolProcessModeTests.pool(cap: 4)
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let region = try #require(pool.processes?.region)
            let ended = EndTally()
            PoolProcessModeTests.submit(400, kind: .cpu, costNanos: 300_000, to: pool, ended: ended)
            PoolProcessModeTests.drain(pool, cap: 4)
            pool.close()
            pool.join()
            let dispatcher = try #require(pool.processes?.dispatcher)
            #expect(dispatcher.handOvers > 0, "no pool thread handed its worker to the dispatcher")
            #expect(ended.eachEndedOnce(400))
            #expect(pool.snapshot().totals.completed == 400)
            #expect(region.peakTasksRunning <= 4, "seen from inside the worker processes")
            #expect(region.counter == CounterStats(expected: 400, actual: 400))
        }

        @Test("resizing down and switching mode while the dispatcher feeds the workers: the cap holds, nothing is lost")
        func resizeAndSwitchWhileDispatching() throws {
            let pool = PoolProcessModeTests.pool(cap: 6)
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let ended = EndTally()
            PoolProcessModeTests.submit(600, kind: .io, costNanos: 2_000_000, to: pool, ended: ended)
            #expect(PoolProcessModeTests.eventually(seconds: 10) { pool.processes?.dispatcher.map { d in pool.queueLock.withLock { d.handOvers } } ?? 0 > 0 })
            pool.resize(to: 2)
            #expect(PoolProcessModeTests.eventually(seconds: 10) { pool.snapshot().busy <= 2 })
            for _ in 0..<20 {
                #expect(pool.snapshot().busy <= 2)
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 2_000_000)
            }
            _ = pool.switchMode(to: .threads)
            pool.close()
            pool.join()
            #expect(ended.eachEndedOnce(600))
            #expect(pool.snapshot().totals.completed == 600)
            #expect(pool.workerProcessIDs.isEmpty)
        }
    }
}
