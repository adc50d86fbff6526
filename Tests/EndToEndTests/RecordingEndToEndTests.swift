import Foundation
import Testing

/// Recordings through the binary: `run --record`, `replay --render-at`, `export`, `run --trace`,
/// and what a damaged file gives.
@Suite("Recordings on the command line")
struct RecordingEndToEndTests {
    /// A fresh folder for one test's files.
    private static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-rec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Records a short seeded run into `name` in `folder`.
    private static func record(_ name: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent(name)
        let outcome = try Binary.pooltop(["run", "--requests", "60", "--fanout", "5", "--cap", "10", "--task", "io:5ms",
                                          "--burst-window", "100ms", "--record", file.path])
        #expect(outcome.status == 0, "\(outcome.error)")
        return file
    }

    @Test("a damaged recording is named with its line and what was wrong, and replay exits 1",
          arguments: ["empty", "schema", "garbage"])
    func damaged(kind: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.record("run.rec", in: folder)
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected: String
        switch kind {
        case "empty":
            lines = []
            expected = "\(file.path): the file is empty: not a pooltop recording"
        case "schema":
            lines[0] = lines[0].replacingOccurrences(of: "pooltop.recording/1", with: "pooltop.run/1")
            expected = "\(file.path):1: not a pooltop recording of this version: expected schema pooltop.recording/1, found pooltop.run/1"
        default:
            lines[4] = "garbage in the middle"
            expected = "\(file.path):5: not a recording line: \"garbage in the middle\""
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        for arguments in [["replay", file.path, "--render-at", "0s"], ["export", file.path, "--csv", folder.appendingPathComponent("o.csv").path]] {
            let outcome = try Binary.pooltop(arguments)
            #expect(outcome.status == 1)
            #expect(outcome.error == "pooltop: \(expected)\n")
        }
    }

    @Test("a last line the writer never finished is skipped and counted; the rest replays, and the status says 1")
    func truncatedTail() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.record("run.rec", in: folder)
        var bytes = try Data(contentsOf: file)
        bytes.removeLast(40)  // a kill in the middle of the last line
        try bytes.write(to: file)
        let outcome = try Binary.pooltop(["replay", file.path, "--render-at", "10s", "--width", "80", "--height", "24"])
        #expect(outcome.status == 1)
        #expect(outcome.error.hasPrefix("pooltop: replaying run.rec up to 0:"))
        #expect(outcome.error.hasSuffix("; 1 incomplete line at the end skipped\n"))
        #expect(outcome.output.hasPrefix("pooltop  threads  cap 10"))
    }

    @Test("run --trace of 2,500 tasks: exactly 2,500 task slices, and no two overlap on a slot's track")
    func perfettoTrace() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("trace.json")
        let outcome = try Binary.pooltop(["run", "--requests", "500", "--fanout", "5", "--cap", "50", "--task", "io:2ms",
                                          "--burst-window", "0", "--trace", trace.path])
        #expect(outcome.status == 0, "\(outcome.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: trace)) as? [String: Any])
        let events = try #require(json["traceEvents"] as? [[String: Any]])
        let slices = events.filter { $0["ph"] as? String == "X" && $0["cat"] as? String == "task" }
        #expect(slices.count == 2_500)
        var tracks: [Int: [(start: Int, end: Int)]] = [:]
        for slice in slices {
            let tid = try #require(slice["tid"] as? Int), ts = try #require(slice["ts"] as? Int), dur = try #require(slice["dur"] as? Int)
            tracks[tid, default: []].append((ts, ts + dur))
        }
        #expect(tracks.count == 50)
        for (tid, spans) in tracks {
            let sorted = spans.sorted { $0.start < $1.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(b.start >= a.end, "slices overlap on track \(tid)") }
        }
        let names = events.filter { $0["ph"] as? String == "M" && $0["name"] as? String == "thread_name" }
        #expect(names.count == 51)  // the 50 slots and the pool's events
        #expect(events.contains { $0["ph"] as? String == "C" && $0["name"] as? String == "queue depth" })
        #expect(events.contains { $0["ph"] as? String == "i" && ($0["name"] as? String)?.hasPrefix("burst 1") == true })
    }

    @Test("export --csv writes one row per sample with run --stream's columns")
    func csv() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.record("run.rec.gz", in: folder)
        let csv = folder.appendingPathComponent("run.csv")
        let outcome = try Binary.pooltop(["export", file.path, "--csv", csv.path])
        #expect(outcome.status == 0, "\(outcome.error)")
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.first?.hasPrefix("elapsed_seconds,mode,cap,busy,queued,threads,accepted,completed") == true)
        #expect(rows.count >= 3)
        #expect(rows.last?.contains(",threads,10,") == true)
    }
}
