import PoolCore
import PoolEngine
import Sessions
import Testing
import Workload

@Suite("A headless run")
struct HeadlessRunTests {
    @Test("a run shorter than its sample interval is timed to its last task, not to the next sample")
    func shortRunEndsWithItsLastTask() {
        // Two requests of one 1 ms I/O task, at once, sampled every 20 s: the run's wall time is
        // its tasks' milliseconds, not the interval (it was, while the loop slept the interval out).
        let scenario = Scenario(requests: 2, fanout: 1, task: TaskSpec(kind: .io, costNanos: 1_000_000),
                                arrival: .burst(windowNanos: 0), bursts: 1, intervalNanos: 1_000_000_000)
        let run = HeadlessRun(configuration: PoolConfiguration(cap: 2), scenario: scenario, sampleIntervalNanos: 20_000_000_000)
        var samples = 0
        let (summary, snapshot) = run.run { _, _ in samples += 1 }
        #expect(snapshot.totals.completed == 2)
        #expect(summary.wallSeconds < 10, "wall \(summary.wallSeconds) s: the run waited for its next sample")
        #expect(samples == 0)
    }

    @Test("a run nobody watches is not sampled, and its summary is the same run's")
    func unwatchedRunTakesNoSamples() {
        let scenario = Scenario(requests: 20, fanout: 2, task: TaskSpec(kind: .io, costNanos: 2_000_000),
                                arrival: .burst(windowNanos: 0), bursts: 1, intervalNanos: 1_000_000_000)
        var run = HeadlessRun(configuration: PoolConfiguration(cap: 4), scenario: scenario, sampleIntervalNanos: 1_000_000)
        run.samplesWhileRunning = false
        var samples = 0
        let (summary, snapshot) = run.run { _, _ in samples += 1 }
        #expect(samples == 0)
        #expect(snapshot.totals.completed == 40)
        #expect(summary.tasks.completed == 40)
        #expect(summary.requests.completed == 20)
        // 40 tasks of 2 ms on 4 slots: at least 20 ms, so a 1 ms interval would have sampled.
        #expect(summary.wallSeconds >= 0.02)
    }

    @Test("a driver that finishes wakes whoever waits for it; a wait for one that never finishes times out")
    func waitingForTheDriver() {
        let once = Scenario(requests: 1, fanout: 1, task: TaskSpec(kind: .io, costNanos: 1_000_000),
                            arrival: .burst(windowNanos: 0), bursts: 1, intervalNanos: 1_000_000_000)
        let session = LiveSession(configuration: PoolConfiguration(cap: 1), scenario: once)
        defer { session.stop() }
        #expect(!session.driver.waitUntilFinished(deadline: MonotonicClock.now() + 1_000_000))
        session.start()
        #expect(session.driver.waitUntilFinished(deadline: MonotonicClock.now() + 30_000_000_000))
    }
}
