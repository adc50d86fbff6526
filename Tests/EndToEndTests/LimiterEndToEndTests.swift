import Foundation
import Testing

/// The adaptive limiters through the real binary: `run --limit`, `sweep --limit all` on the
/// issue's scenario, and the `d` key in a real terminal.
@Suite(.serialized) struct LimiterEndToEndTests {
    @Test func runJSONSaysWhatTheLimiterDid() throws {
        let outcome = try Binary.pooltop([
            "run", "--task", "io:5ms", "--fanout", "1", "--arrival", "poisson:2000", "--requests", "1000", "--cap", "4",
            "--limit", "aimd", "--limit-max", "64", "--json",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let limit = try #require(object["limit"] as? [String: Any])
        #expect(limit["algorithm"] as? String == "aimd")
        let final = try #require(limit["final"] as? Int), low = try #require(limit["min_seen"] as? Int), high = try #require(limit["max_seen"] as? Int)
        #expect(low <= final && final <= high && high <= 64)
        #expect((limit["changes"] as? Int ?? 0) > 0, "10 tasks in flight against a cap of 4: AIMD grows it")
        #expect(high > 4)
        #expect(limit["samples"] as? Int == 1000)
        #expect((object["peak_busy"] as? Int ?? .max) <= high, "never more running than the highest cap set")
    }

    @Test func aLimitNamesWhatIsWrong() throws {
        let bad = try Binary.pooltop(["run", "--limit", "vegas,tcp"])
        #expect(bad.status == 2)
        #expect(bad.error.contains("\"tcp\"") && bad.error.contains("aimd"))
        let several = try Binary.pooltop(["run", "--limit", "aimd,vegas"])
        #expect(several.status == 2)
        #expect(several.error.contains("pooltop sweep --limit aimd,vegas"))
        let bounds = try Binary.pooltop(["run", "--limit", "aimd", "--limit-min", "90", "--limit-max", "10"])
        #expect(bounds.status == 2 && bounds.error.contains("--limit-min 90 is above --limit-max 10"))
    }

    /// `sweep --limit all`: one row per limiter beside the caps, each row's figures agreeing with
    /// each other. (Whether each limiter settles on the 20 s scenario is checked by
    /// `.ci/run` on the release binary with nothing else running: in here, the other suites'
    /// load stalls the pool now and then, and AIMD grows on the burst of tasks in flight that
    /// follows a stall, as it should.)
    @Test func theComparisonTablesEachLimiterBesideTheCaps() throws {
        let scenario = ["sweep", "--task", "io:10ms", "--fanout", "1", "--arrival", "poisson:1000", "--queue-bound", "100",
                        "--requests", "3000", "--caps", "10,20", "--repeats", "1", "--limit", "all"]
        let outcome = try Binary.pooltop(scenario + ["--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let rows = try #require(object["limiters"] as? [[String: Any]])
        #expect(rows.map { $0["algorithm"] as? String } == ["aimd", "vegas", "gradient2"])
        for row in rows {
            let cap = try #require(row["settled_cap"] as? Int), low = try #require(row["settled_low"] as? Int)
            let high = try #require(row["settled_high"] as? Int)
            let lowest = try #require(row["min_seen"] as? Int), highest = try #require(row["max_seen"] as? Int)
            #expect(lowest <= low && low <= cap && cap <= high && high <= highest, "\(row)")
            #expect(row["settled"] as? Bool == (Double(high - low) < 0.1 * Double(cap)), "settled says what the range says: \(row)")
            #expect((row["tasks_per_second"] as? Double ?? 0) > 500, "\(row)")
            #expect(row["drops"] is Int && row["latency_p99_ms"] is Double)
        }
        let text = try Binary.pooltop(scenario + ["--width", "100"])
        #expect(text.status == 0)
        #expect(text.output.contains("Adaptive limiters on the same scenario (seed 1, each starting at cap 50):"))
        #expect(text.output.contains("◀ recommended"))
        for name in ["cap 10", "cap 20", "aimd", "vegas", "gradient2"] {
            #expect(text.output.split(separator: "\n").contains { $0.hasPrefix(name + " ") }, "a row for \(name)")
        }
    }

    @Test("a recording keeps the limit series: export --csv has it, the replay draws the limiter panel")
    func theRecordingKeepsTheLimitSeries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("limit.rec"), csv = folder.appendingPathComponent("limit.csv")
        // 100 ms tasks: Gradient2 grows the limit as tasks complete, so the climb from 4 spans ~8 of the recording's 100 ms
        // samples however loaded the machine is (8–9 values beside 4 CPU burners). With 10 ms tasks it was over before the
        // second sample, and under the suite's load the limit then took only 3 values.
        let run = try Binary.pooltop(["run", "--task", "io:100ms", "--fanout", "1", "--arrival", "poisson:1000", "--requests", "3000",
                                      "--cap", "4", "--limit", "gradient2", "--sample-interval", "50ms", "--record", file.path])
        #expect(run.status == 0, "\(run.error)")
        let export = try Binary.pooltop(["export", file.path, "--csv", csv.path])
        #expect(export.status == 0, "\(export.error)")
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map(String.init)
        let limitColumn = try #require(header.firstIndex(of: "limit")), capColumn = try #require(header.firstIndex(of: "cap"))
        let limits = rows.dropFirst().compactMap { Double($0[limitColumn]) }
        #expect(limits.count == rows.count - 1, "every sample has the limit")
        #expect(Set(limits.map { Int($0) }).count > 3, "the limit moved: \(limits)")
        #expect(rows.dropFirst().allSatisfy { Int(Double($0[limitColumn]) ?? 0) == Int($0[capColumn]) || Int($0[capColumn]) == 4 },
                "the cap recorded is the limit's whole part")
        let frame = try Binary.pooltop(["replay", file.path, "--render-at", "1s"])
        #expect(frame.status == 0, "\(frame.error)")
        #expect(frame.output.contains("limiter gradient2") && frame.output.contains("by gradient2"), "\(frame.output)")
    }

    @Test("d turns a limiter on: its panel shows and the header's cap moves; d again cycles, and off")
    func theKeyCyclesTheLimiter() throws {
        let tmux = try TmuxSession(["--task", "io:20ms", "--fanout", "1", "--arrival", "poisson:2000", "--queue-bound", "200",
                                    "--requests", "8000", "--interval", "4s"])
        #expect(tmux.waitFor("cap 50"))
        #expect(try !tmux.screen().contains("limiter aimd"))
        try tmux.send("d")
        #expect(tmux.waitFor("limiter aimd moves the cap (1…1000)"), "the engine's event")
        #expect(tmux.waitFor("by aimd"), "the header names the limiter")
        #expect(tmux.waitUntil { $0.contains("╭─ limiter aimd") || $0.contains("limiter aimd ─") }, "the limiter panel")
        #expect(tmux.waitUntil(seconds: 20) { screen in
            guard let match = screen.firstMatch(of: /cap (\d+) by aimd/), let cap = Int(match.1) else { return false }
            return cap != 50
        }, "the cap moved:\n\((try? tmux.screen()) ?? "")")
        #expect(tmux.waitUntil { $0.contains("in flight ≥") || $0.contains("in flight <") || $0.contains("dropped") }, "the rule in a sentence")
        try tmux.send("d")
        #expect(tmux.waitFor("by vegas"))
        try tmux.send("d")
        #expect(tmux.waitFor("by gradient2"))
        try tmux.send("d")
        #expect(tmux.waitFor("limiter off: the cap stays at"))
        #expect(tmux.waitUntil { !$0.contains(" by ") && !$0.contains("limiter gradient2 ─") })
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
