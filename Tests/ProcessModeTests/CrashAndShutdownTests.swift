import Glibc
import Synchronization
import Testing
@testable import PoolEngine

extension ProcessSuites {
    @Suite("Crashes and shutdown: no zombie, no leaked descriptor, no orphan")
    struct CrashAndShutdownTests {
        @Test("a worker SIGKILLed mid-task makes run throw died(signal 9), and it is reaped")
        func killedMidTask() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            let pipes = ProcessFixture.pipes(of: child)
            #expect(pipes.count == 2 && pipes.isSubset(of: ProcessFixture.openPipes))
            let killer = OSThreads.start {
                let deadline = MonotonicClock.now() &+ 10_000_000_000
                while fixture.region.slotPhase(3) != .busy, MonotonicClock.now() < deadline {
                    MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000)
                }
                child.kill(SIGKILL)
            }
            #expect(throws: ChildWorkerError.died(pid: child.pid, exit: .signalled(SIGKILL))) {
                try child.run(TaskOrder(id: 1, slot: 3, ioNanos: 30_000_000_000))
            }
            killer.park()
            #expect(child.exit == .signalled(SIGKILL))
            #expect(ProcessFixture.isReaped(child.pid))
            #expect(throws: ChildWorkerError.notRunning(pid: child.pid)) { try child.run(TaskOrder(id: 2, slot: 3)) }
            #expect(!child.kill(SIGKILL))
            #expect(ProcessFixture.openPipes.isDisjoint(with: pipes))
        }

        @Test("an idle worker's death is seen by pollExit, and the next run fails at once")
        func idleDeath() throws {
            let fixture = try ProcessFixture()
            let child = try fixture.spawn()
            #expect(child.pollExit() == nil)
            child.kill(SIGKILL)
            let deadline = MonotonicClock.now() &+ 5_000_000_000
            while child.pollExit() == nil, MonotonicClock.now() < deadline {
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000)
            }
            #expect(child.exit == .signalled(SIGKILL))
            #expect(throws: ChildWorkerError.died(pid: child.pid, exit: .signalled(SIGKILL))) {
                try child.run(TaskOrder(id: 1, slot: 0))
            }
        }

        @Test("close ends input: workers finish and exit 0; none of their descriptors stays open")
        func closeAtEndOfInput() throws {
            let fixture = try ProcessFixture()
            let children = try fixture.spawn(8)
            let pipes = children.reduce(into: Set<UInt64>()) { $0.formUnion(ProcessFixture.pipes(of: $1)) }
            #expect(pipes.count == 16 && pipes.isSubset(of: ProcessFixture.openPipes))
            for child in children { _ = try child.run(TaskOrder(id: 1, slot: 0, ioNanos: 1_000_000)) }
            for child in children {
                #expect(child.close() == .exited(code: 0))
                #expect(ProcessFixture.isReaped(child.pid))
            }
            #expect(ProcessFixture.openPipes.isDisjoint(with: pipes))
        }

        @Test("terminate sends SIGTERM; a worker that ignores it gets SIGKILL after the grace period")
        func terminateEscalates() throws {
            let fixture = try ProcessFixture()
            let polite = try fixture.spawn()
            let stubborn = try fixture.spawn()
            try stubborn.ignoreTerminationSignal()
            _ = try stubborn.run(TaskOrder(id: 1, slot: 1))  // answered after the frame before it took effect
            #expect(polite.terminate(grace: 2_000_000_000) == .signalled(SIGTERM))
            #expect(stubborn.terminate(grace: 200_000_000) == .signalled(SIGKILL))
            #expect(ProcessFixture.isReaped(polite.pid) && ProcessFixture.isReaped(stubborn.pid))
        }

        @Test("dropping a worker without closing it kills and reaps it")
        func deinitReaps() throws {
            let fixture = try ProcessFixture()
            var child: ChildWorker? = try fixture.spawn()
            let pid = child!.pid
            let pipes = ProcessFixture.pipes(of: child!)
            child = nil
            #expect(ProcessFixture.isReaped(pid))
            #expect(pipes.count == 2 && ProcessFixture.openPipes.isDisjoint(with: pipes))
        }

        @Test("a worker dies with the thread that spawned it (PR_SET_PDEATHSIG is per thread): no orphans")
        func diesWithSpawningThread() throws {
            let fixture = try ProcessFixture()
            let spawned = Mutex<ChildWorker?>(nil)
            OSThreads.run(1) { _ in spawned.withLock { $0 = try? fixture.spawn() } }
            let child = try #require(spawned.withLock { $0 })
            let deadline = MonotonicClock.now() &+ 10_000_000_000
            while child.pollExit() == nil, MonotonicClock.now() < deadline {
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000)
            }
            #expect(child.exit == .signalled(SIGKILL))
        }
    }
}
