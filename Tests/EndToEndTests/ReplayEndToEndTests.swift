import Foundation
import Testing

/// Recording with `R` and replaying, in a real terminal.
@Suite("Record and replay in a real terminal", .serialized)
struct ReplayEndToEndTests {
    @Test("R records, q quits; replay plays, pauses, steps and quits cleanly")
    func recordThenReplay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let live = try TmuxSession(DashboardEndToEndTests.quiet, directory: folder)
        #expect(live.waitFor("cap 50"))
        try live.send("R")
        #expect(live.waitFor("● REC"), "the header shows the recording")
        #expect(live.waitFor("recording to pooltop-"), "the events list names the file")
        try live.send("b")
        #expect(live.waitFor("busy 50/50"))
        #expect(live.waitFor("REC 0:01"))
        try live.send("R")
        #expect(live.waitFor("recording saved: pooltop-"))
        try live.send("q")
        #expect(live.exitStatus() == 0)

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".rec") }
        #expect(files.count == 1)
        let file = try #require(files.first)

        let replay = try TmuxSession(["replay", file, "--paused"], directory: folder)
        #expect(replay.waitFor("❚❚ REPLAY \(file) 0:00.0 / 0:0"), "paused on the first frame")
        #expect(replay.waitFor("space play/pause"), "the footer lists the replay's keys")
        try replay.send("Right")
        #expect(replay.waitFor("❚❚ REPLAY \(file) 0:00.1"), "→ steps one sample")
        try replay.send("Space")
        #expect(replay.waitFor("▶ REPLAY \(file)"), "space plays")
        try replay.send("Space")
        #expect(replay.waitFor("❚❚ REPLAY \(file)"), "space pauses")
        try replay.send("+")
        #expect(replay.waitFor("a replay cannot resize the pool"), "a key that changes the pool is refused with a reason")
        try replay.send("End")
        #expect(replay.waitFor("100%"))
        try replay.send("q")
        #expect(replay.exitStatus() == 0)
    }
}
