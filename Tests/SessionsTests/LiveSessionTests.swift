import Foundation
import PoolCore
import PoolEngine
import Sessions
import Testing
import Workload

@Suite("The live session as a source, stepped on an injected clock")
struct LiveSessionTests {
    /// Ten requests × two tasks of 1 ms I/O, all at once; bursts repeat every second when arrivals are on.
    private static let scenario = Scenario(requests: 10, fanout: 2, task: TaskSpec(kind: .io, costNanos: 1_000_000),
                                           arrival: .burst(windowNanos: 0), bursts: nil, intervalNanos: 1_000_000_000)

    /// Waits (on the pool's condition, not a timer) until every submitted task has ended.
    private func drain(_ session: LiveSession) {
        #expect(session.pool.waitUntilIdle(deadline: MonotonicClock.now() + 30_000_000_000))
    }

    @Test("a burst, a resize and a mode switch, each seen in the snapshots")
    func burstResizeAndModeSwitch() {
        let clock = ManualClock(start: 5_000_000_000)
        let session = LiveSession(configuration: PoolConfiguration(cap: 4), scenario: Self.scenario, arrivalsEnabled: false, clock: clock)
        defer { session.stop() }

        #expect(session.perform(.fireBurst) == .accepted)
        #expect(session.step() == nil)  // arrivals off: nothing else scheduled
        drain(session)
        var snapshot = session.snapshot(latencyMaxAgeNanos: 0)
        #expect(snapshot.totals.completed == 20)
        #expect(snapshot.requests.completed == 10)
        #expect(snapshot.peakBusy <= 4)
        #expect(snapshot.totals.addsUp)
        #expect(snapshot.workload?.burstsFired == 1)
        #expect(snapshot.workload?.arrivalsEnabled == false)

        #expect(session.perform(.resize(to: 8)) == .accepted)
        #expect(session.perform(.fireBurst) == .accepted)
        session.step()
        drain(session)
        snapshot = session.snapshot(latencyMaxAgeNanos: 0)
        #expect(snapshot.configuration.cap == 8)
        #expect(snapshot.totals.completed == 40)
        #expect(snapshot.peakBusy <= 8)
        #expect(snapshot.events.contains { $0.kind == .resized && $0.message == "cap 4 → 8" })

        #expect(session.perform(.switchMode(to: .unbounded)) == .accepted)
        #expect(session.perform(.setWorkKind(.cpu)) == .accepted)
        #expect(session.perform(.fireBurst) == .accepted)
        session.step()
        drain(session)
        snapshot = session.snapshot(latencyMaxAgeNanos: 0)
        #expect(snapshot.configuration.mode == .unbounded)
        #expect(snapshot.totals.completed == 60)
        #expect(snapshot.requests.completed == 30)
        #expect(snapshot.workload?.task.kind == .cpu)
        #expect(snapshot.workload?.burstsFired == 3)
        #expect(snapshot.events.contains { $0.kind == .modeSwitched && $0.message == "mode threads → unbounded" })
        #expect(snapshot.totals.addsUp)
        #expect(snapshot.counter.expected == 60 && snapshot.counter.actual == 60)
    }

    @Test("scheduled bursts fire when the injected clock reaches them, not before")
    func scheduledBurstsFollowTheClock() {
        let clock = ManualClock(start: 1_000)
        let session = LiveSession(configuration: PoolConfiguration(cap: 10), scenario: Self.scenario, clock: clock)
        defer { session.stop() }
        #expect(session.step() == 1_000 + 1_000_000_000)  // the first burst now, the next a second later
        drain(session)
        #expect(session.snapshot(latencyMaxAgeNanos: 0).workload?.burstsFired == 1)
        clock.advance(by: 999_999_999)
        session.step()
        #expect(session.snapshot(latencyMaxAgeNanos: 0).workload?.burstsFired == 1)
        #expect(session.snapshot(latencyMaxAgeNanos: 0).workload?.nextBurstInNanos == 1)
        clock.advance(by: 1)
        session.step()
        drain(session)
        let snapshot = session.snapshot(latencyMaxAgeNanos: 0)
        #expect(snapshot.workload?.burstsFired == 2)
        #expect(snapshot.totals.completed == 40)
    }

    @Test("commands the session cannot carry out are refused with a reason, and change nothing")
    func refusals() {
        let session = LiveSession(configuration: PoolConfiguration(cap: 2), scenario: Self.scenario, arrivalsEnabled: false,
                                  clock: ManualClock())
        defer { session.stop() }
        guard case .refused(let reason) = session.perform(.killWorker) else {
            Issue.record("a thread pool has no worker process to kill")
            return
        }
        #expect(reason.contains("process mode"))
        #expect(session.snapshot(latencyMaxAgeNanos: 0).workers.crashed == 0)
    }

    @Test("setCriticalSection is accepted, shows in the snapshots and the events, is kept by a recording, and its replay refuses it")
    func criticalSection() throws {
        let path = NSTemporaryDirectory() + "pooltop-test-\(UUID().uuidString).rec"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = LiveSession(configuration: PoolConfiguration(cap: 4), scenario: Self.scenario, arrivalsEnabled: false,
                                  clock: ManualClock())
        defer { session.stop() }
        let command = PoolCommand.setCriticalSection(nanos: 40_000)
        #expect(session.capabilities.accepts(command))
        let recorder = try Recorder(path: path, source: session, header: RecordingHeader(recording: session))
        recorder.offer(session.snapshot(latencyMaxAgeNanos: 0))

        let reply = session.perform(command)
        #expect(reply == .accepted)
        recorder.note(command, reply: reply, atNanos: 5)
        #expect(session.perform(.fireBurst) == .accepted)
        session.step()
        drain(session)
        let snapshot = session.snapshot(latencyMaxAgeNanos: 0)
        #expect(snapshot.configuration.criticalSectionNanos == 40_000)
        #expect(snapshot.events.contains { $0.kind == .settingChanged && $0.message == "critical section 20us → 40us" })
        #expect(snapshot.lock.acquisitions == 20 && snapshot.lock.holdNanosTotal >= 20 * 40_000, "\(snapshot.lock)")
        recorder.offer(snapshot, force: true)
        #expect(recorder.stop() == nil)

        let recording = try Recording(contentsOf: path)
        #expect(recording.header.configuration.criticalSectionNanos == 20_000, "the header keeps the value the recording began with")
        #expect(recording.commands.map(\.command.command) == [command])
        #expect(try recording.snapshot(at: recording.samples.count - 1).configuration.criticalSectionNanos == 40_000)
        let replay = ReplaySource(recording: recording, clock: ManualClock(), playing: false)
        #expect(!replay.capabilities.accepts(command))
        #expect(replay.perform(command) == .refused(reason: "a replay cannot change the critical section"))
    }

    @Test("capabilities: every command kind; the modes the pool can run in")
    func capabilities() {
        let session = LiveSession(configuration: PoolConfiguration(cap: 2), scenario: Self.scenario, arrivalsEnabled: false,
                                  clock: ManualClock())
        defer { session.stop() }
        let capabilities = session.capabilities
        #expect(capabilities.commands == Set(PoolCommand.Kind.allCases))
        #expect(capabilities.modes.contains(.threads) && capabilities.modes.contains(.unbounded))
        #expect(capabilities.accepts(.resize(to: 3)))
        #expect(!SourceCapabilities.watchOnly.accepts(.resize(to: 3)))
    }

    @Test("every snapshot is complete when it leaves the session: the workload is in it")
    func snapshotsAreComplete() {
        let session = LiveSession(configuration: PoolConfiguration(cap: 2), scenario: Self.scenario, arrivalsEnabled: false,
                                  clock: ManualClock())
        defer { session.stop() }
        let snapshot = session.snapshot(latencyMaxAgeNanos: 0)
        #expect(snapshot.workload?.task == Self.scenario.task)
        #expect(snapshot.workload?.fanout == 2)
        #expect(snapshot.configuration.cap == 2)
        #expect(snapshot.totals.addsUp)
    }
}
