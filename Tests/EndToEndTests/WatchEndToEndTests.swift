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
        let help = try Binary.pooltop(["watch", "--help"])
        #expect(help.status == 0 && help.output.contains("--program-output") && help.output.contains("--celery"), "\(help.error)")
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
        #expect(tmux.waitFor("program exited with status 0", seconds: 30))
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
        // The probe may take the first - at the program's first submit, before it waits: 8→2 or 7→2.
        #expect(tmux.waitUntil { $0.contains("→2") || $0.contains("resized to 2 workers") },
                "the dashboard asked for 2:\n\((try? tmux.screen()) ?? "")")
        try Data().write(to: flag)
        #expect(tmux.waitFor("resized to 2 workers", seconds: 30), "the probe's answer:\n\((try? tmux.screen()) ?? "")")
        #expect(tmux.waitFor("program exited with status 0", seconds: 30))
        let printed = try String(contentsOf: output, encoding: .utf8)
        let peak = Int(printed.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 99
        #expect(peak <= 2, "the observer saw \(peak) tasks at once: \(printed)")
        #expect(peak >= 1)
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("+ grows a real ThreadPoolExecutor from 2 to 4: more run at once, never more than 4")
    func growThroughTheProbe() throws {
        let folder = try Self.temporaryFolder("grow")
        defer { try? FileManager.default.removeItem(at: folder) }
        let flag = folder.appendingPathComponent("go"), output = folder.appendingPathComponent("program.out")
        let program = Self.examples.deletingLastPathComponent().appendingPathComponent("python/tests/programs/resize.py")
        let tmux = try TmuxSession(["watch", "--program-output", output.path, "--", "python3", program.path, flag.path, "2"])
        #expect(tmux.waitFor("2 workers"), "the header names the pool:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("+")
        try tmux.send("+")
        // The probe may take the first + at the program's first submit, before it waits: 2→4 or 3→4.
        #expect(tmux.waitUntil { $0.contains("→4") || $0.contains("resized to 4 workers") },
                "the dashboard asked for 4:\n\((try? tmux.screen()) ?? "")")
        // The probe reads commands when the program next uses its pool: the flag lets it go on.
        try Data().write(to: flag)
        #expect(tmux.waitFor("resized to 4 workers", seconds: 30), "the probe's answer:\n\((try? tmux.screen()) ?? "")")
        #expect(tmux.waitFor("program exited with status 0", seconds: 30))
        let printed = try String(contentsOf: output, encoding: .utf8)
        let peak = Int(printed.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 99
        #expect((3...4).contains(peak), "the observer saw \(peak) tasks at once: \(printed)")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("a process pool's slots are its real worker processes (as ps lists them) and its count is the script's")
    func processPoolWorkersAreRealProcesses() throws {
        let folder = try Self.temporaryFolder("ps")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("program.out")
        let tmux = try TmuxSession(["watch", "--program-output", output.path, "--", "python3",
                                    Self.examples.appendingPathComponent("02_process_pool_cpu.py").path, "120"])
        var shown: Set<Int32> = []
        #expect(tmux.waitUntil(seconds: 30) { screen in
            shown = Self.workerPIDs(on: screen)
            return shown.count == 2
        }, "two worker pids on screen:\n\((try? tmux.screen()) ?? "")")
        let program = try #require(Self.children(of: try tmux.pid()).first, "the program runs under pooltop")
        let listed = Self.children(of: program)
        #expect(!shown.isEmpty && shown.isSubset(of: listed), "on screen \(shown), ps lists \(listed) under \(program)")
        #expect(tmux.waitFor("program exited with status 0", seconds: 60))
        let printed = try String(contentsOf: output, encoding: .utf8)
        let count = try #require(printed.split(separator: " ").dropFirst().first.flatMap { Int($0) }, "the script printed \(printed)")
        #expect(count == 120)
        #expect(tmux.waitFor("completed \(count) "), "the screen's count is the script's:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("a worker SIGKILLed mid-task: the death and the task's fate show within a second; q leaves a hung Pool",
          arguments: ["multiprocessing.Pool", "ProcessPoolExecutor"])
    func killedWorker(kind: String) throws {
        let folder = try Self.temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("stuck.py")
        let make = kind == "ProcessPoolExecutor" ? "concurrent.futures.ProcessPoolExecutor(2)" : "multiprocessing.Pool(2)"
        try """
        import concurrent.futures, multiprocessing, time
        def task(x):
            time.sleep(60)
            return x
        if __name__ == "__main__":
            pool = \(make)
            print(list(pool.map(task, range(4))), flush=True)
        """.write(to: script, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(["watch", "--", "python3", script.path])
        var shown: Set<Int32> = []
        #expect(tmux.waitUntil(seconds: 30) { screen in
            shown = Self.workerPIDs(on: screen)
            return shown.count == 2 && screen.contains("2 running")
        }, "two busy workers:\n\((try? tmux.screen()) ?? "")")
        let victim = try #require(shown.min())
        let killed = Date()
        kill(victim, SIGKILL)
        let fate = kind == "ProcessPoolExecutor" ? "BrokenProcessPool" : "waits for it forever"
        #expect(tmux.waitFor(fate, seconds: 10), "the task's fate:\n\((try? tmux.screen()) ?? "")")
        let seconds = Date().timeIntervalSince(killed)
        print("\(kind): the fate of a SIGKILLed worker's task showed after \(String(format: "%.2f", seconds)) s")
        #expect(seconds < 1, "shown after \(seconds) s")
        #expect(tmux.waitFor("worker \(victim) killed by SIGKILL"), "the death:\n\((try? tmux.screen()) ?? "")")
        if kind == "ProcessPoolExecutor" {
            // The executor raises BrokenProcessPool in the program's main thread after the probe has
            // told of it; q before the program has exited would end it with SIGTERM instead.
            #expect(tmux.waitFor("program exited with status 1", seconds: 30), "the program ends:\n\((try? tmux.screen()) ?? "")")
        }
        try tmux.send("q")
        // q ends a program that still runs (SIGTERM to its process group, SIGKILL 2 s later) and
        // pooltop leaves with the program's status: a hung Pool dies of the SIGTERM (143), an
        // executor whose futures broke raises BrokenProcessPool (1).
        let status = tmux.exitStatus(within: 10)
        #expect(status == (kind == "ProcessPoolExecutor" ? 1 : 128 + Int(SIGTERM)), "pooltop leaves, whatever the pool does")
    }

    // MARK: - Helpers

    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The pids the workers panel shows: the numbers on the row under its title, left column.
    static func workerPIDs(on screen: String) -> Set<Int32> {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let title = lines.firstIndex(where: { $0.contains("workers ") }), title + 1 < lines.count else { return [] }
        let row = lines[title + 1].split(separator: "│", omittingEmptySubsequences: false)
        guard row.count > 1 else { return [] }
        return Set(row[1].split(whereSeparator: { !$0.isNumber }).compactMap { Int32($0) }.filter { $0 > 1 })
    }

    /// The processes whose parent is `pid`, as `ps` lists them.
    static func children(of pid: Int32) -> Set<Int32> {
        let listed = (try? Binary.run("ps", ["-o", "pid=", "--ppid", "\(pid)"]))?.output ?? ""
        return Set(listed.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) })
    }
}
