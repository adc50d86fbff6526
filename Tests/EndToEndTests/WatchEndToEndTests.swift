import Foundation
import Testing

/// `pooltop watch`: real Python programs under the probe.
@Suite("Watching real Python programs", .serialized)
struct WatchEndToEndTests {
    /// The repository's examples folder.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    @Test("watch --json: a process pool's tasks, workers and exit status, as the program itself counted them")
    func processPoolSummary() throws {
        let outcome = try Binary.pooltop(["watch", "--json", "--", "python3", Self.examples.appendingPathComponent("02_process_pool_cpu.py").path, "6"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "pooltop.watch/1")
        #expect(json["exit_status"] as? Int == 0)
        let pool = try #require((json["pools"] as? [[String: Any]])?.first)
        #expect(pool["kind"] as? String == "ProcessPoolExecutor")
        let tasks = try #require(pool["tasks"] as? [String: Any])
        #expect(tasks["submitted"] as? Int == 6 && tasks["completed"] as? Int == 6 && tasks["failed"] as? Int == 0)
        #expect((pool["workers_seen"] as? Int ?? 0) >= 1)
        #expect((pool["peak_busy"] as? Int ?? 0) >= 1)
    }

    @Test("a thread pool with a lock: every task and every lock pair is seen")
    func threadPoolWithLock() throws {
        let outcome = try Binary.pooltop(["watch", "--json", "--", "python3", Self.examples.appendingPathComponent("05_shared_counter_lock.py").path])
        #expect(outcome.status == 0, "\(outcome.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let pool = try #require((json["pools"] as? [[String: Any]])?.first)
        #expect(pool["kind"] as? String == "ThreadPoolExecutor" && pool["workers"] as? Int == 16)
        #expect((pool["tasks"] as? [String: Any])?["completed"] as? Int == 2_000)
        #expect(json["lock_acquisitions"] as? Int == 2_000)
    }

    @Test("not Python, not there: a message naming it and status 2; a program's own status passes through")
    func badPrograms() throws {
        let notPython = try Binary.pooltop(["watch", "--", "bash", "-c", "true"])
        #expect(notPython.status == 2)
        #expect(notPython.error.contains("bash is not a Python interpreter"))
        let missing = try Binary.pooltop(["watch", "--", "python3.99", "script.py"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("python3.99: no such program"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("quits.py")
        try "import sys\nsys.exit(3)\n".write(to: script, atomically: true, encoding: .utf8)
        let quits = try Binary.pooltop(["watch", "--json", "--", "python3", script.path])
        #expect(quits.status == 3)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(quits.output.utf8)) as? [String: Any])
        #expect(json["exit_status"] as? Int == 3)
        #expect((json["pools"] as? [Any])?.isEmpty == true)
    }

    @Test("the dashboard names the program's pool, keeps the last frame when it ends, and q leaves")
    func dashboard() throws {
        let tmux = try TmuxSession(["watch", "--", "python3", Self.examples.appendingPathComponent("01_thread_pool_io.py").path, "60"])
        #expect(tmux.waitFor("ThreadPoolExecutor-"), "the header names the pool")
        #expect(tmux.waitFor("created at 01_thread_pool_io.py:"))
        #expect(tmux.waitFor("the program exited with status 0", seconds: 30))
        #expect(tmux.waitFor("completed 300"), "the last frame stays with every task done")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("- shrinks a real ThreadPoolExecutor from 8 to 2: an observer inside its tasks never sees more than 2")
    func resizeThroughTheProbe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-resize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flag = folder.appendingPathComponent("go"), output = folder.appendingPathComponent("program.out")
        let program = Self.examples.deletingLastPathComponent().appendingPathComponent("python/tests/programs/resize.py")
        let tmux = try TmuxSession(["watch", "--program-output", output.path, "--", "python3", program.path, flag.path])
        #expect(tmux.waitFor("ThreadPoolExecutor-"), "the header names the pool:\n\((try? tmux.screen()) ?? "")")
        #expect(tmux.waitFor("8 workers"))
        for _ in 0..<6 { try tmux.send("-") }
        #expect(tmux.waitFor("cap 8→2"), "the dashboard asked for 2:\n\((try? tmux.screen()) ?? "")")
        try Data().write(to: flag)
        #expect(tmux.waitFor("resized to 2 workers", seconds: 30), "the probe's answer:\n\((try? tmux.screen()) ?? "")")
        #expect(tmux.waitFor("the program exited with status 0", seconds: 30))
        let printed = try String(contentsOf: output, encoding: .utf8)
        let peak = Int(printed.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 99
        #expect(peak <= 2, "the observer saw \(peak) tasks at once: \(printed)")
        #expect(peak >= 1)
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
