import Foundation
import PoolCore
import PoolEngine
import Sessions
import Testing
import Workload

@Suite("The recorder")
struct RecorderTests {
    private static let scenario = Scenario(requests: 20, fanout: 2, task: TaskSpec(kind: .io, costNanos: 1_000_000),
                                           arrival: .burst(windowNanos: 0), bursts: nil, intervalNanos: 1_000_000_000)

    @Test("a write that fails stops the recording with the reason, and the pool goes on")
    func failedWrite() throws {
        let session = LiveSession(configuration: PoolConfiguration(cap: 4), scenario: Self.scenario, arrivalsEnabled: false, clock: ManualClock())
        defer { session.stop() }
        let recorder = try Recorder(path: "/dev/full", source: session, header: RecordingHeader(recording: session, sampleIntervalNanos: 0))
        for _ in 0..<2_000 { recorder.offer(session.snapshot(latencyMaxAgeNanos: 0), force: true) }
        let failure = try #require(recorder.stop())
        #expect(failure.file == "/dev/full")
        #expect(failure.reason.hasPrefix("cannot write") || failure.reason.hasPrefix("cannot finish writing"))
        session.perform(.fireBurst)
        session.step()
        #expect(session.pool.waitUntilIdle(deadline: MonotonicClock.now() + 30_000_000_000))
        #expect(session.snapshot(latencyMaxAgeNanos: 0).totals.completed == 40)
    }

    @Test("commands are kept with the source's reply")
    func commands() throws {
        let path = NSTemporaryDirectory() + "pooltop-test-\(UUID().uuidString).rec"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = LiveSession(configuration: PoolConfiguration(cap: 4), scenario: Self.scenario, arrivalsEnabled: false, clock: ManualClock())
        defer { session.stop() }
        let recorder = try Recorder(path: path, source: session, header: RecordingHeader(recording: session))
        recorder.offer(session.snapshot(latencyMaxAgeNanos: 0))
        recorder.note(.resize(to: 6), reply: session.perform(.resize(to: 6)), atNanos: 5)
        recorder.note(.killWorker, reply: session.perform(.killWorker), atNanos: 6)
        recorder.offer(session.snapshot(latencyMaxAgeNanos: 0), force: true)
        #expect(recorder.stop() == nil)
        let recording = try Recording(contentsOf: path)
        #expect(recording.commands.map(\.command.command) == [.resize(to: 6), .killWorker])
        #expect(recording.commands[0].command.reply == .accepted)
        #expect(recording.commands[1].command.reply == .refused(reason: "k kills a worker process: switch to process mode first (m)"))
        #expect(recording.commands.map(\.nanos) == [5, 6])
        #expect(recording.samples.count == 2)
        #expect(try recording.snapshot(at: 1).configuration.cap == 6)
    }
}
