import Foundation
import Testing

/// The binary's headless entries: arguments, exit codes, JSON.
@Suite("Command line")
struct CommandLineEndToEndTests {
    @Test("bad arguments exit 2 and name the argument and what it takes",
          arguments: [(["run", "--cap", "0"], "--cap"), (["run", "--task", "io:abc"], "--task"), (["run", "--mode", "fork"], "--mode"),
                      (["run", "--arrival", "sometimes"], "--arrival"), (["--theme", "no-such-theme"], "--theme")])
    func badArguments(arguments: [String], named: String) throws {
        let outcome = try Binary.pooltop(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.error.contains(named))
    }

    @Test("--version names the release, the commit and the build date, and exits 0")
    func version() throws {
        let outcome = try Binary.pooltop(["--version"])
        #expect(outcome.status == 0)
        let line = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.range(of: #"^pooltop \d+\.\d+\.\d+ \(commit [0-9a-f]{7}\S*, built \d{4}-\d{2}-\d{2}( from source)?\)$"#,
                           options: .regularExpression) != nil, "\(line)")
    }

    @Test("without a terminal the dashboard says to use pooltop run, and exits 1")
    func notATerminal() throws {
        let outcome = try Binary.pooltop([])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("pooltop run"))
        #expect(!outcome.error.contains("Error opening terminal"))
    }

    @Test("run --json: every task and request completes, the cap is reached exactly, the counter is exact")
    func runJSON() throws {
        let outcome = try Binary.pooltop(["run", "--json", "--requests", "100", "--fanout", "5", "--cap", "20",
                                          "--task", "io:5ms", "--burst-window", "0"])
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "pooltop.run/1")
        let tasks = try #require(json["tasks"] as? [String: Any])
        #expect(tasks["completed"] as? Int == 500)
        #expect((json["requests"] as? [String: Any])?["completed"] as? Int == 100)
        #expect(json["peak_busy"] as? Int == 20)
        let counter = try #require(json["counter"] as? [String: Any])
        #expect(counter["expected"] as? Int == 500 && counter["actual"] as? Int == 500)
        for key in ["peak_threads", "wall_seconds", "ideal_seconds", "efficiency", "throughput_tasks_per_second", "queue", "lock", "gil", "scenario"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        // 500 tasks × (5 ms + the default 20 µs critical section) over 20 workers.
        #expect(abs((json["ideal_seconds"] as? Double ?? 0) - 0.1255) < 1e-6)
    }

    @Test("run --stream prints one JSON line per sample, then the summary")
    func stream() throws {
        let outcome = try Binary.pooltop(["run", "--stream", "--json", "--sample-interval", "20ms", "--requests", "50",
                                          "--task", "io:20ms", "--cap", "10", "--burst-window", "0"])
        #expect(outcome.status == 0)
        let samples = outcome.output.split(separator: "\n").filter { $0.hasPrefix("{\"") && $0.contains("pooltop.sample/1") }
        #expect(samples.count >= 3)
    }

    @Test("no-pool mode goes far past the cap, under the ceiling; no lock loses updates")
    func unboundedAndRace() throws {
        let unbounded = try Binary.pooltop(["run", "--json", "--mode", "unbounded", "--requests", "100", "--fanout", "5",
                                            "--task", "io:50ms", "--burst-window", "0", "--ceiling", "300"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(unbounded.output.utf8)) as? [String: Any])
        #expect((json["peak_threads"] as? Int ?? 0) > 50)
        #expect((json["peak_threads"] as? Int ?? 0) <= 300)
        #expect(json["ceiling_hit"] as? Bool == true)
        let race = try Binary.pooltop(["run", "--json", "--no-lock", "--critical-section", "50us", "--requests", "200",
                                       "--task", "io:1ms", "--burst-window", "0"])
        let counter = try #require((try JSONSerialization.jsonObject(with: Data(race.output.utf8)) as? [String: Any])?["counter"] as? [String: Any])
        #expect((counter["lost_updates"] as? Int ?? 0) > 0)
    }

    @Test("render prints one frame of the requested size; themes lists the shipped themes")
    func renderAndThemes() throws {
        let frame = try Binary.pooltop(["render", "--width", "100", "--height", "30", "--after", "300ms", "--task", "io:20ms", "--requests", "50"])
        #expect(frame.status == 0)
        let lines = frame.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 30)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(frame.output.contains("cap 50"))
        let themes = try Binary.pooltop(["themes"])
        #expect(themes.status == 0)
        for name in ["default", "light", "mono", "high-contrast", "okabe-ito", "dracula"] {
            #expect(themes.output.contains(name), "missing theme \(name)")
        }
    }
}
