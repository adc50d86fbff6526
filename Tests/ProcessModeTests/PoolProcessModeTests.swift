import Glibc
import PoolCore
import Synchronization
import Testing
import Workload
@testable import PoolEngine

extension ProcessSuites {
    /// The pool in process mode: the contract of DESIGN.md §2 across real worker processes.
    @Suite("The pool in process mode")
    struct PoolProcessModeTests {
        static let burner = CPUBurner(iterationsPerNanosecond: ProcessFixture.rate)

        /// A process-mode pool that spawns workers from the binary the tests found.
        static func pool(cap: Int, lock: Bool = true, criticalSectionNanos: UInt64 = 20_000,
                         mode: PoolMode = .processes) -> WorkerPool {
            WorkerPool(configuration: PoolConfiguration(mode: mode, cap: cap, lockEnabled: lock, criticalSectionNanos: criticalSectionNanos),
                       burner: burner, probe: PoolProbe(), workerCommand: WorkerBinary.command)
        }

        /// Submits `count` simulated tasks, 5 to a request; `ended` counts each task's outcomes.
        static func submit(_ count: Int, kind: WorkKind, costNanos: UInt64, to pool: WorkerPool,
                           ended: EndTally? = nil, firstID: Int = 0) {
            for index in firstID..<(firstID + count) {
                let tag = TaskTag(requestID: index / 5 + 1, taskIndex: index % 5, fanout: 5, requestArrivalNanos: MonotonicClock.now())
                if index % 5 == 0 { pool.requestArrived(tag) }
                _ = pool.submit(TaskSpec(kind: kind, costNanos: costNanos), costNanos: costNanos, tag: tag) { _ in
                    ended?.count(index)
                }
            }
        }

        /// Polls `condition` every millisecond for at most `seconds`.
        static func eventually(seconds: Double, _ condition: () -> Bool) -> Bool {
            let deadline = MonotonicClock.now() &+ UInt64(seconds * 1e9)
            while MonotonicClock.now() < deadline {
                if condition() { return true }
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000)
            }
            return condition()
        }

        /// Waits until `pool` is idle, checking every 5 ms that its totals add up and that no more
        /// than `cap` tasks run.
        static func drain(_ pool: WorkerPool, cap: Int) {
            var samples = 0
            while !pool.waitUntilIdle(deadline: MonotonicClock.now() &+ 5_000_000) {
                let snapshot = pool.snapshot()
                #expect(snapshot.totals.addsUp, "sample \(samples): \(snapshot.totals)")
                #expect(snapshot.busy <= cap)
                samples += 1
            }
        }

        @Test("the cap is never exceeded, as the tasks inside the workers count it; the counter is exact")
        func capAcrossProcesses() throws {
            let pool = Self.pool(cap: 6)
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let region = try #require(pool.processes?.region)
            Self.submit(300, kind: .io, costNanos: 1_000_000, to: pool)
            Self.drain(pool, cap: 6)
            pool.close()
            pool.join()
            let snapshot = pool.snapshot()
            #expect(region.peakTasksRunning == 6, "seen from inside the worker processes")
            #expect(snapshot.peakBusy == 6)
            #expect(snapshot.totals.completed == 300 && snapshot.totals.addsUp)
            #expect(snapshot.counter.expected == 300 && snapshot.counter.lostUpdates == 0)
            #expect(snapshot.lock.acquisitions == 300)
            #expect(snapshot.workers.spawned == 6 && snapshot.workers.crashed == 0)
            #expect(snapshot.requests.completed == 60)
        }

        @Test("pooltop's own hidden `worker` entry works as a worker too (the fallback without pooltop-worker)")
        func pooltopWorkerEntry() throws {
            let pool = WorkerPool(configuration: PoolConfiguration(mode: .processes, cap: 2), burner: Self.burner, probe: PoolProbe(),
                                  workerCommand: WorkerCommand(executablePath: WorkerBinary.pooltop, leadingArguments: ["worker"]))
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            Self.submit(20, kind: .cpu, costNanos: 200_000, to: pool)
            pool.close()
            pool.join()
            let snapshot = pool.snapshot()
            #expect(snapshot.workers.spawned == 2 && snapshot.workers.spawnFailures == 0)
            #expect(snapshot.totals.completed == 20 && snapshot.counter.actual == 20)
        }

        @Test("tiny tasks travel in batches when the queue is deep, and still add up")
        func batchesOfTinyTasks() throws {
            let pool = Self.pool(cap: 4)
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let ended = EndTally()
            Self.submit(2_000, kind: .cpu, costNanos: 1_000, to: pool, ended: ended)
            pool.close()
            pool.join()
            let snapshot = pool.snapshot()
            #expect(snapshot.totals.completed == 2_000 && snapshot.totals.addsUp)
            #expect(snapshot.peakBusy <= 4)
            #expect(snapshot.counter.expected == 2_000 && snapshot.counter.actual == 2_000)
            #expect(ended.eachEndedOnce(2_000), "every task ended exactly once")
        }

        @Test("with the lock off, worker processes race and updates are lost")
        func lostUpdatesAcrossProcesses() throws {
            let pool = Self.pool(cap: 8, lock: false, criticalSectionNanos: 200_000)
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            Self.submit(400, kind: .io, costNanos: 100_000, to: pool)
            pool.close()
            pool.join()
            let snapshot = pool.snapshot()
            #expect(snapshot.totals.completed == 400)
            #expect(snapshot.counter.expected == 400)
            #expect(snapshot.counter.lostUpdates > 0, "counter \(snapshot.counter)")
        }

        @Test("SIGKILLs during a burst lose no task; no zombie, no leaked pipe, no worker left after join")
        func chaosLosesNothing() throws {
            let pipesBefore = ProcessFixture.openPipes
            let pool = Self.pool(cap: 8)
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let ended = EndTally()
            // 600 × 4 ms over 8 workers: 300 ms of work, time for more than 5 kills 15 ms apart (with
            // 2 ms tasks a run under ThreadSanitizer ended after 5).
            Self.submit(600, kind: .io, costNanos: 4_000_000, to: pool, ended: ended)
            var seen = Set(pool.workerProcessIDs)
            var generator = SeededGenerator(seed: 7)
            var kills = 0
            while !pool.waitUntilIdle(deadline: MonotonicClock.now() &+ 15_000_000) {
                if kills < 25, pool.killRandomWorker(using: &generator) { kills += 1 }
                seen.formUnion(pool.workerProcessIDs)
                #expect(pool.snapshot().totals.addsUp)
            }
            pool.close()
            pool.join()
            let snapshot = pool.snapshot()
            #expect(kills > 5)
            #expect(snapshot.workers.crashed >= 1 && snapshot.workers.replaced >= 1)
            #expect(snapshot.totals.completed + snapshot.totals.failed == 600, "\(snapshot.totals)")
            #expect(snapshot.totals.retried >= 1 && snapshot.totals.addsUp)
            #expect(ended.eachEndedOnce(600), "every task ended exactly once")
            for pid in seen {
                #expect(ProcessFixture.isReaped(pid), "pid \(pid) is a zombie")
                #expect(kill(pid, 0) == -1, "pid \(pid) still runs")
            }
            let opened = ProcessFixture.openPipes.subtracting(pipesBefore)
            #expect(ProcessFixture.pipesStillOpen(opened, waitingUpTo: 180).isEmpty, "pipes left open")
            #expect(pool.workerProcessIDs.isEmpty)
        }

        @Test("a worker killed while it holds the shared lock does not wedge the pool")
        func killedHoldingTheLock() throws {
            let pool = Self.pool(cap: 3, criticalSectionNanos: 30_000_000)
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let processes = try #require(pool.processes)
            Self.submit(12, kind: .io, costNanos: 1_000, to: pool)
            var killed = false
            let deadline = MonotonicClock.now() &+ 10_000_000_000
            while !killed, MonotonicClock.now() < deadline {
                for slot in 0..<3 where processes.region.slotPhase(slot) == .holdingLock {
                    if let pid = processes.pid(inSlot: slot), kill(pid, SIGKILL) == 0 { killed = true; break }
                }
            }
            #expect(killed)
            #expect(pool.waitUntilIdle(deadline: MonotonicClock.now() &+ 20_000_000_000), "the pool is wedged")
            pool.close()
            pool.join()
            let snapshot = pool.snapshot()
            #expect(snapshot.totals.completed == 12, "\(snapshot.totals)")
            #expect(snapshot.workers.recoveredLocks >= 1)
            #expect(snapshot.workers.crashed == 1)
        }

        @Test("live mode switches during a burst lose nothing and run nothing twice", arguments: [UInt64(1), 2, 3])
        func modeSwitchesDuringABurst(seed: UInt64) throws {
            let pool = Self.pool(cap: 6, mode: .threads)
            let ended = EndTally()
            Self.submit(500, kind: .io, costNanos: 1_000_000, to: pool, ended: ended)
            var generator = SeededGenerator(seed: seed)
            var switches = 0
            var cappedRounds = 1  // rounds in a capped mode since unbounded mode was left
            while !pool.waitUntilIdle(deadline: MonotonicClock.now() &+ 20_000_000) {
                let mode = PoolMode.allCases.randomElement(using: &generator)!
                #expect(pool.switchMode(to: mode))
                switches += 1
                let snapshot = pool.snapshot()
                #expect(snapshot.totals.addsUp, "\(snapshot.totals)")
                // Leaving unbounded mode, its running tasks (up to the ceiling) finish first, on
                // threads shown as leaving: no new task starts above the cap, so after a full round
                // in a capped mode, once those have ended, the cap holds. (How long they take to end
                // depends on the machine's load: the test waits for it rather than for a time.)
                cappedRounds = mode == .unbounded ? 0 : cappedRounds + 1
                // An unbounded-mode task whose thread has not begun yet (its slot shows `starting`,
                // a loaded machine can take tens of ms to schedule it) is in flight too.
                let leftOver = snapshot.slots.filter { $0.isRetiring && ($0.isRunningTask || $0.phase == .starting) }.count
                if cappedRounds >= 2 { #expect(snapshot.busy <= 6 + leftOver, "\(switches) switches, \(leftOver) leaving, mode \(mode), \(snapshot.totals)") }
                if mode != .unbounded {
                    let placed = snapshot.slots.filter { !$0.isRetiring && $0.isRunningTask }.count
                    #expect(placed <= 6, "the current mode's own workers never run more than the cap")
                }
            }
            pool.close()
            pool.join()
            let snapshot = pool.snapshot()
            #expect(switches >= 2)
            #expect(snapshot.totals.completed == 500 && snapshot.totals.addsUp, "\(snapshot.totals)")
            #expect(snapshot.counter.expected == 500 && snapshot.counter.lostUpdates == 0)
            #expect(ended.eachEndedOnce(500))
            #expect(pool.workerProcessIDs.isEmpty)
        }

        @Test("after a mode switch the grid shows exactly the cap's slots, the old mode's as retiring until they leave")
        func afterAModeSwitchTheGridShowsExactlyTheCapsSlots() throws {
            let pool = Self.pool(cap: 4, mode: .threads)
            Self.submit(4, kind: .io, costNanos: 1_500_000_000, to: pool)
            #expect(Self.eventually(seconds: 10) { pool.snapshot().busy == 4 })
            #expect(pool.switchMode(to: .processes))
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let switching = pool.snapshot()
            // Four places for the cap, then the four busy thread workers on their way out.
            #expect(switching.slots.count == 8, "\(switching.slots)")
            #expect(switching.slots.prefix(4).allSatisfy { !$0.isRetiring })
            #expect(switching.slots.suffix(4).allSatisfy { $0.isRetiring && $0.isRunningTask })
            #expect(Self.eventually(seconds: 20) { pool.snapshot().slots.count == 4 }, "the old mode's slots never left")
            let settled = pool.snapshot()
            #expect(settled.slots.allSatisfy { !$0.isRetiring && $0.phase != .empty }, "\(settled.slots)")
            pool.close()
            pool.join()
        }

        @Test("terminate cancels queued and running tasks and ends every worker process")
        func terminateEndsWorkers() throws {
            let pool = Self.pool(cap: 4)
            #expect(pool.waitForWorkers(deadline: MonotonicClock.now() &+ 20_000_000_000))
            let pids = pool.workerProcessIDs
            #expect(pids.count == 4)
            Self.submit(40, kind: .io, costNanos: 5_000_000_000, to: pool)
            let busy = MonotonicClock.now() &+ 10_000_000_000
            while pool.snapshot().busy < 4, MonotonicClock.now() < busy { MonotonicClock.sleep(until: MonotonicClock.now() &+ 1_000_000) }
            pool.terminate()
            pool.join()
            let snapshot = pool.snapshot()
            #expect(snapshot.totals.cancelled == 40 && snapshot.totals.addsUp, "\(snapshot.totals)")
            #expect(snapshot.workers.crashed == 0, "terminated workers are not crashes")
            for pid in pids { #expect(ProcessFixture.isReaped(pid) && kill(pid, 0) == -1) }
        }
    }
}

/// Counts how many times each task ended (it must be exactly once).
final class EndTally: Sendable {
    private let ends = LockedValue<[Int: Int]>([:])

    /// Records one end of task `index`.
    func count(_ index: Int) { ends.withLock { $0[index, default: 0] += 1 } }

    /// True when tasks 0..<total each ended exactly once.
    func eachEndedOnce(_ total: Int) -> Bool {
        ends.withLock { $0.count == total && $0.values.allSatisfy { $0 == 1 } }
    }
}
