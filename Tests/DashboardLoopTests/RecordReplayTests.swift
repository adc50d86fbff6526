import Dashboard
import DashboardLoop
import Foundation
import PoolCore
import PoolEngine
import Sessions
import Testing
import Workload

@Suite("Record a seeded run, replay it")
struct RecordReplayTests {
    private static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "pooltop-test-\(UUID().uuidString)-\(name)"
    }

    /// Runs a seeded scenario to its end, drawing a dashboard from a snapshot every 20 ms and
    /// recording every snapshot drawn. Returns the final frame as the live screen drew it.
    private static func recordLiveRun(into path: String, gzip: Bool = false) throws -> String {
        let scenario = Scenario(requests: 40, fanout: 5, task: TaskSpec(kind: .io, costNanos: 2_000_000), arrival: .burst(windowNanos: 100_000_000),
                                bursts: 2, intervalNanos: 150_000_000, seed: 7)
        let session = LiveSession(configuration: PoolConfiguration(cap: 8), scenario: scenario)
        let recorder = try Recorder(path: path, source: session, header: RecordingHeader(recording: session, sampleIntervalNanos: 0))
        var state = DashboardState(width: 120, height: 40)
        session.start()
        while !(session.driver.isFinished && session.pool.waitUntilIdle(deadline: MonotonicClock.now())) {
            let snapshot = session.snapshot(latencyMaxAgeNanos: 0)
            _ = state.update(.snapshot(snapshot))
            recorder.offer(snapshot)
            MonotonicClock.sleep(until: MonotonicClock.now() + 20_000_000)
        }
        let last = session.snapshot(latencyMaxAgeNanos: 0)
        _ = state.update(.snapshot(last))
        recorder.offer(last, force: true)
        #expect(recorder.stop() == nil)
        session.stop()
        return state.frame().plainText
    }

    @Test("the replayed final frame equals the live final frame", arguments: ["run.rec", "run.rec.gz"])
    func finalFrameIsEqual(name: String) throws {
        let path = Self.temporaryPath(name)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let live = try Self.recordLiveRun(into: path)
        let recording = try Recording(contentsOf: path)
        #expect(recording.incompleteLines == 0)
        let replayed = try ReplayFrame.render(recording, atPosition: recording.durationNanos, width: 120, height: 40,
                                              themes: [], themeIndex: 0)
        #expect(replayed.plainText == live)
        #expect(live.contains("requests 80/80 done"))  // every request of both bursts
        let tasks = try recording.taskEvents()
        #expect(tasks.filter { if case .ran = $0 { true } else { false } }.count == 400)
        #expect(tasks.filter { if case .submitted = $0 { true } else { false } }.count == 400)
    }

    @Test("replay keys step, seek and change speed; the end pauses on the last frame")
    func replayKeys() throws {
        let path = Self.temporaryPath("keys.rec")
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.recordLiveRun(into: path)
        let recording = try Recording(contentsOf: path)
        let clock = ManualClock(start: 1_000)
        let replay = ReplaySource(recording: recording, clock: clock)
        #expect(replay.status.isPlaying && replay.positionNanos == 0)
        clock.advance(by: 50_000_000)
        #expect(replay.positionNanos == 50_000_000)

        replay.control(.changeSpeed(by: 2))
        clock.advance(by: 10_000_000)
        #expect(replay.positionNanos == 70_000_000)
        #expect(replay.status.speed == 2)

        replay.control(.step(1))
        #expect(!replay.status.isPlaying)
        let stepped = replay.positionNanos
        let index = recording.sampleIndex(atPosition: stepped)
        #expect(recording.samples[index].nanos - recording.startNanos == stepped)
        replay.control(.step(-1))
        #expect(recording.sampleIndex(atPosition: replay.positionNanos) == index - 1)

        replay.control(.seek(fraction: 0.5))
        #expect(replay.positionNanos == recording.durationNanos / 2)
        replay.control(.skip(nanos: -10_000_000_000))
        #expect(replay.positionNanos == 0)
        replay.control(.toEnd)
        #expect(replay.positionNanos == recording.durationNanos && !replay.status.isPlaying)

        replay.control(.togglePlaying)  // at the end: plays again from the start
        #expect(replay.status.isPlaying && replay.positionNanos == 0)
        clock.advance(by: recording.durationNanos)  // speed 2: reaches the end half-way through
        #expect(replay.positionNanos == recording.durationNanos && !replay.status.isPlaying)
        #expect(replay.snapshot(latencyMaxAgeNanos: 0).playback?.positionNanos == recording.durationNanos)

        for command: PoolCommand in [.resize(to: 3), .fireBurst, .killWorker] {
            guard case .refused(let reason) = replay.perform(command) else {
                Issue.record("a replay accepted \(command)")
                continue
            }
            #expect(reason.hasPrefix("a replay cannot"))
        }
        #expect(replay.perform(.resize(to: 3)) == .refused(reason: "a replay cannot resize the pool"))
    }

    @Test("the replay's screen: REPLAY in the header, replay keys in the footer, a click on the bar seeks")
    func replayScreen() throws {
        let path = Self.temporaryPath("screen.rec")
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.recordLiveRun(into: path)
        let recording = try Recording(contentsOf: path)
        let replay = ReplaySource(recording: recording, clock: ManualClock(), playing: false)
        var state = DashboardState(width: 120, height: 40)
        let (snapshots, jumped) = try replay.snapshotsSinceLastCall(history: 60_000_000_000)
        #expect(!jumped || snapshots.count == 1)
        for snapshot in snapshots { _ = state.update(.snapshot(snapshot)) }
        let lines = state.frame().plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let duration = DurationText.playhead(nanoseconds: recording.durationNanos)
        #expect(lines[0].hasSuffix("❚❚ REPLAY \(recording.name) 0:00.0 / \(duration) ×1"))
        #expect(lines[1].hasPrefix("replay ░░░░░░░░░░░░░░░░░░░░ 0%"))
        #expect(lines[39].hasPrefix("space play/pause  ← → step  , . ±10 s  < > speed  home start  end last  t theme  ? help  q quit"))
        #expect(state.update(.key(.character(" "))) == [.playback(.togglePlaying)])
        #expect(state.update(.key(.right)) == [.playback(.step(1))])
        #expect(state.update(.key(.character("<"))) == [.playback(.changeSpeed(by: 0.5))])
        #expect(state.update(.mouse(column: 7 + 19, row: 1, button: 1)) == [.playback(.seek(fraction: 1))])
        #expect(state.update(.key(.character("R"))) == [])
        #expect(state.update(.key(.character("+"))) == [.command(.resize(to: 9))])
    }
}
