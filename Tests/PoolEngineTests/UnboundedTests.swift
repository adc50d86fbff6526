import PoolCore
import Synchronization
import Testing
@testable import PoolEngine

@Suite("No pool: a thread per task, under a ceiling")
struct UnboundedTests {
    @Test("threads go far past a pool's cap, but never past the ceiling; the ceiling is reported")
    func ceilingHolds() {
        let observer = Observer()
        observer.allowed.store(24, ordering: .relaxed)
        let pool = WorkerPool(configuration: PoolConfiguration(mode: .unbounded, cap: 4, ceiling: 24),
                              burner: testBurner, probe: observer.probe)
        // Every task waits at a gate until all 200 are in, so the ceiling is reached however slowly
        // threads start (ThreadSanitizer slows them a lot).
        let gate = Gate()
        for _ in 0..<200 { pool.submit { gate.wait() } }
        let deadline = MonotonicClock.now() + 30_000_000_000
        while observer.inside.load(ordering: .relaxed) < 24, MonotonicClock.now() < deadline {
            MonotonicClock.sleep(until: MonotonicClock.now() + 1_000_000)
        }
        gate.open(200)
        pool.close()
        pool.join()
        let snapshot = pool.snapshot()
        #expect(observer.violations.load(ordering: .relaxed) == 0)
        #expect(observer.peak.load(ordering: .relaxed) == 24)
        #expect(snapshot.peakThreads == 24)
        #expect(snapshot.ceilingHit)
        #expect(snapshot.events.contains { $0.kind == .ceilingHit })
        #expect(snapshot.totals.completed == 200 && snapshot.totals.addsUp)
    }

    @Test("switching modes during a burst loses nothing and runs nothing twice", arguments: 0..<4)
    func modeSwitches(seed: Int) {
        let runs = LockedValue<[Int: Int]>([:])
        let pool = WorkerPool(configuration: PoolConfiguration(cap: 6, ceiling: 64), burner: testBurner, probe: PoolProbe())
        let futures = (0..<300).map { index in
            pool.submit {
                MonotonicClock.sleep(until: MonotonicClock.now() + UInt64(100_000 + (index * 7919 + seed) % 400_000))
                runs.withLock { $0[index, default: 0] += 1 }
            }
        }
        // The pool starts in thread mode, so the first switch (to unbounded) always happens.
        var modes: [PoolMode] = [.unbounded, .threads]
        repeat {
            pool.switchMode(to: modes[0])
            #expect(pool.snapshot().totals.addsUp)
            modes.reverse()
        } while !pool.waitUntilIdle(deadline: MonotonicClock.now() + 2_000_000)
        for future in futures { #expect(throws: Never.self) { try future.value() } }
        pool.close()
        pool.join()
        #expect(runs.withLock { $0.count == 300 && $0.values.allSatisfy { $0 == 1 } })
        let snapshot = pool.snapshot()
        #expect(snapshot.totals.completed == 300 && snapshot.totals.addsUp)
        #expect(snapshot.events.contains { $0.kind == .modeSwitched })
    }
}
