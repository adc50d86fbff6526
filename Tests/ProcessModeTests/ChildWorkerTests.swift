import Glibc
import PoolCore
import Testing
@testable import PoolEngine

extension ProcessSuites {
    @Suite("Spawning workers and running real tasks")
    struct ChildWorkerTests {
        @Test("eight workers each run CPU, I/O and mixed tasks and report them")
        func runTasks() throws {
            let fixture = try ProcessFixture()
            let children = try fixture.spawn(8)
            #expect(Set(children.map(\.pid)).count == 8)
            for (slot, child) in children.enumerated() {
                let cpu = try child.run(TaskOrder(id: 1, slot: UInt16(slot), cpuNanos: 1_000_000))
                let io = try child.run(TaskOrder(id: 2, slot: UInt16(slot), ioNanos: 2_000_000))
                let mixed = try child.run(TaskOrder(id: 3, slot: UInt16(slot), cpuNanos: 500_000, ioNanos: 500_000))
                #expect(cpu.taskID == 1 && cpu.status == .completed && cpu.computeNanos > 0 && cpu.blockedNanos == 0)
                #expect(io.taskID == 2 && io.status == .completed && io.blockedNanos >= 2_000_000 && io.computeNanos == 0)
                #expect(mixed.computeNanos > 0 && mixed.blockedNanos >= 500_000)
                #expect(cpu.endedAt > cpu.startedAt && io.startedAt >= cpu.endedAt)
                #expect(fixture.region.slotPhase(slot) == .idle)
            }
            #expect(fixture.region.counter == CounterStats(expected: 24, actual: 24))
            for child in children { #expect(child.close() == .exited(code: 0)) }
        }

        @Test("the slot word in shared memory shows the task a worker runs")
        func slotShowsTask() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            let done = OSThreads.start {
                _ = try? child.run(TaskOrder(id: 1, slot: 17, requestID: 4242, taskIndex: 3, ioNanos: 300_000_000))
            }
            let deadline = MonotonicClock.now() &+ 5_000_000_000
            while fixture.region.slotPhase(17) != .busy, MonotonicClock.now() < deadline {
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000)
            }
            let state = fixture.region.slotState(17, retiring: false)
            done.park()
            #expect(state.phase == .busy && state.requestID == 4242 && state.taskIndex == 3)
            #expect(fixture.region.slotState(17, retiring: false).phase == .idle)
            child.close()
        }

        @Test("a batch runs in order and comes back in one reply per frame")
        func batch() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            let orders = (0..<5000).map { TaskOrder(id: UInt64($0), slot: 0, lockEnabled: $0 % 2 == 0) }
            let reports = try child.run(orders)
            #expect(reports.map(\.taskID) == orders.map(\.id))
            #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.endedAt <= $1.startedAt })
            #expect(fixture.region.counter == CounterStats(expected: 5000, actual: 5000))
            #expect(fixture.region.lockStats.acquisitions == 2500)
            child.close()
        }

        @Test("an order sent ahead runs after the one before it, each answered in turn")
        func ordersSentAhead() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            try child.start(TaskOrder(id: 1, slot: 0, ioNanos: 20_000_000))
            try child.start(TaskOrder(id: 2, slot: 0, cpuNanos: 1_000_000))
            let first = try child.awaitReport(of: 1)
            let second = try child.awaitReport(of: 2)
            #expect(first.status == .completed && second.status == .completed)
            #expect(second.startedAt >= first.endedAt, "the second order waited in the pipe for the first to end")
            #expect(fixture.region.counter == CounterStats(expected: 2, actual: 2))
            child.close()
        }

        @Test("a held slot's worker skips the order sent ahead: not run, not counted, answered .skipped")
        func heldSlotSkipsTheOrderAhead() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            try child.start(TaskOrder(id: 1, slot: 5, ioNanos: 100_000_000))
            try child.start(TaskOrder(id: 2, slot: 5, cpuNanos: 1_000_000))
            let deadline = MonotonicClock.now() &+ 5_000_000_000
            while fixture.region.slotPhase(5) != .busy, MonotonicClock.now() < deadline {
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000)
            }
            fixture.region.setHold(5, true)  // the slot retires while its first task runs
            #expect(try child.awaitReport(of: 1).status == .completed, "a task that had started ends normally")
            let skipped = try child.awaitReport(of: 2)
            #expect(skipped.status == .skipped && skipped.computeNanos == 0)
            #expect(fixture.region.counter == CounterStats(expected: 1, actual: 1))
            #expect(fixture.region.peakTasksRunning == 1)
            fixture.region.setHold(5, false)
            #expect(try child.run(TaskOrder(id: 3, slot: 5)).status == .completed, "let go, the slot runs orders again")
            child.close()
        }

        @Test("start-up, round trip and batch times are measured (printed, not asserted)")
        func measure() throws {
            let fixture = try ProcessFixture()
            let start = MonotonicClock.now()
            let children = try fixture.spawn(50)
            let spawnAll = MonotonicClock.now() &- start
            let startups = children.map(\.startupNanos).sorted()
            let child = children[0]
            _ = try child.run(TaskOrder(id: 0, slot: 0, lockEnabled: false))
            let roundTrips = try (1...200).map { id in
                let begun = MonotonicClock.now()
                _ = try child.run(TaskOrder(id: UInt64(id), slot: 0, lockEnabled: false))
                return MonotonicClock.now() &- begun
            }.sorted()
            let begun = MonotonicClock.now()
            let reports = try child.run((0..<100).map { TaskOrder(id: UInt64($0), slot: 0, lockEnabled: false) })
            let batchNanos = MonotonicClock.now() &- begun
            #expect(reports.count == 100)
            #expect(startups.allSatisfy { $0 > 0 })
            print("""
                process mode (debug): 50 spawned+ready in \(spawnAll / 1000) µs; start-up median \(startups[25] / 1000) µs, \
                max \(startups[49] / 1000) µs (worker-measured median \(children.map(\.reportedStartupNanos).sorted()[25] / 1000) µs); \
                tiny-task round trip median \(roundTrips[100] / 1000) µs; batch of 100 no-op tasks \(batchNanos / 1000) µs
                """)
            for child in children { child.close() }
        }

        @Test("a missing executable fails to spawn and leaves nothing behind")
        func missingExecutable() throws {
            let fixture = try ProcessFixture()
            let before = ProcessFixture.openDescriptors
            for _ in 0..<20 {
                #expect(throws: ChildWorkerError.spawnFailed(errno: ENOENT)) {
                    try ChildWorker(command: WorkerCommand(executablePath: "/nonexistent/pooltop"), region: fixture.region,
                                    iterationsPerNanosecond: 1)
                }
            }
            // Twenty failures leaking their four pipe ends would leave 80 more; other tests running
            // in this process at the same time account for a few at most.
            #expect(ProcessFixture.openDescriptors < before + 20)
        }

        @Test("a program that is not a worker is refused and reaped", arguments: [
            (["/bin/echo", "hello"], "malformed frame: length 1819043176 out of range"),
            (["/bin/true"], "it closed its output before it was ready"),
            (["/bin/sh", "-c", "exec sleep 30"], "no ready message in time"),
        ])
        func notAWorker(command: [String], reason: String) throws {
            let fixture = try ProcessFixture()
            let before = ProcessFixture.openDescriptors
            for _ in 0..<(reason == "no ready message in time" ? 1 : 10) {
                do {
                    _ = try ChildWorker(command: WorkerCommand(executablePath: command[0], leadingArguments: Array(command.dropFirst())),
                                        region: fixture.region, iterationsPerNanosecond: 1, readyTimeoutNanos: 300_000_000)
                    Issue.record("\(command) was accepted as a worker")
                } catch {
                    guard case .startupFailed(let why, let exit) = error else { throw error }
                    #expect(why == reason)
                    #expect(exit != nil)
                }
            }
            #expect(ProcessFixture.openDescriptors < before + 10)
        }
    }
}
