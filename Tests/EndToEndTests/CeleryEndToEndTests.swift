import Foundation
import Testing

/// `--mode celery`: pooltop against a real Celery cluster over a real Redis (two workers, two pool
/// processes each), started for each test and stopped after it.
@Suite("A Celery cluster over Redis", .serialized, .enabled(if: CeleryCluster.missing == nil, "\(CeleryCluster.missing ?? "")"))
struct CeleryEndToEndTests {
    /// `pooltop run --json --mode celery`, parsed.
    private func run(_ cluster: CeleryCluster, _ options: [String]) throws -> [String: Any] {
        let outcome = try Binary.pooltop(["run", "--json", "--mode", "celery", "--broker", cluster.broker,
                                          "--requests", "100", "--fanout", "5", "--cap", "8", "--burst-window", "0"] + options)
        #expect(outcome.status == 0, "\(outcome.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any], "\(outcome.output)")
    }

    @Test("run --json: 500 tasks through Celery, the counter exact with the lock and short without it, peak busy within the workers' processes")
    func runAgainstTheCluster() throws {
        let cluster = try CeleryCluster()
        defer { cluster.stop() }
        let processes = try #require(cluster.processes())
        #expect(processes == 4)
        let locked = try run(cluster, ["--task", "io:10ms", "--lock", "--critical-section", "2ms"])
        #expect((locked["scenario"] as? [String: Any])?["mode"] as? String == "celery")
        #expect((locked["tasks"] as? [String: Any])?["completed"] as? Int == 500)
        #expect((locked["requests"] as? [String: Any])?["completed"] as? Int == 100)
        let counter = try #require(locked["counter"] as? [String: Any])
        #expect(counter["expected"] as? Int == 500 && counter["actual"] as? Int == 500, "\(counter)")
        #expect((locked["peak_busy"] as? Int ?? 99) <= processes)
        #expect((locked["workers"] as? [String: Any])?["hosts"] as? [String] == cluster.hosts, "every host the workers run on")
        let racing = try run(cluster, ["--task", "io:10ms", "--no-lock", "--critical-section", "2ms"])
        #expect((racing["tasks"] as? [String: Any])?["completed"] as? Int == 500)
        let lost = (racing["counter"] as? [String: Any])?["lost_updates"] as? Int ?? 0
        #expect(lost > 0, "the read-modify-write races across worker processes: \(racing["counter"] ?? "")")
    }

    @Test("+ grows the workers' pools (celery inspect stats agrees) and the slots follow")
    func growTheCluster() throws {
        let cluster = try CeleryCluster()
        defer { cluster.stop() }
        let tmux = try TmuxSession(["--mode", "celery", "--broker", cluster.broker, "--no-arrivals"])
        #expect(tmux.waitFor("workers 4", seconds: 30), "four pool processes:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("+")
        try tmux.send("+")
        #expect(tmux.waitFor("workers 6", seconds: 30), "six after two +:\n\((try? tmux.screen()) ?? "")")
        #expect(cluster.processes() == 6, "celery inspect stats counts the same")
        try tmux.send("-")
        #expect(tmux.waitFor("cap 5", seconds: 30), "one - shrinks:\n\((try? tmux.screen()) ?? "")")
        #expect(cluster.processes() == 5)
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("a pool process SIGKILLed mid-burst: its task is delivered again and every task ends ok, none lost")
    func killedPoolProcess() throws {
        let cluster = try CeleryCluster()
        defer { cluster.stop() }
        let tmux = try TmuxSession(["--mode", "celery", "--broker", cluster.broker, "--no-arrivals", "--requests", "60",
                                    "--task", "io:100ms", "--burst-window", "0"])
        #expect(tmux.waitFor("workers 4", seconds: 30))
        try tmux.send("b")
        #expect(tmux.waitFor("4 running", seconds: 30), "a busy cluster:\n\((try? tmux.screen()) ?? "")")
        // A process busy when `inspect active` answered may have finished its task by the time the
        // signal lands: kill busy ones until one dies under a task (one, nearly always).
        var victims: [Int] = []
        for _ in 0..<4 where victims.isEmpty || !tmux.waitFor("delivered again", seconds: 5) {
            victims.append(try #require(cluster.killBusyProcess(of: "a")))
        }
        #expect(tmux.waitFor("delivered again", seconds: 30), "the redelivery:\n\((try? tmux.screen()) ?? "")")
        let victim = victims
        #expect(tmux.waitFor("completed 300", seconds: 120), "every task ends:\n\((try? tmux.screen()) ?? "")")
        let screen = try tmux.screen()
        #expect(screen.contains("failed 0"), "nothing failed after killing \(victim):\n\(screen)")
        #expect(screen.contains("requests 60/60 done"))
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}

/// `--mode celery` where the cluster cannot be reached, or Celery is not there: a message that
/// names the URL, or says what to install.
@Suite("Celery mode's errors")
struct CeleryErrorTests {
    @Test("an unreachable broker: its URL in the message, exit status 1")
    func unreachableBroker() throws {
        try #require(CeleryCluster.missing == nil, "needs celery[redis] for python3")
        let outcome = try Binary.pooltop(["run", "--mode", "celery", "--broker", "redis://127.0.0.1:1/0", "--requests", "1"])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("redis://127.0.0.1:1/0"), "\(outcome.error)")
    }

    @Test("a Python without Celery: says what to install, exit status 1; a URL that is not Redis's: status 2")
    func celeryMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-nocelery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A python3 that finds no celery: the real interpreter, isolated from site-packages.
        let real = try Binary.run("python3", ["-c", "import sys; print(sys.executable)"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let fake = folder.appendingPathComponent("python3")
        try "#!/bin/sh\nexec \(real) -S -I \"$@\"\n".write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let outcome = try Binary.pooltop(["run", "--mode", "celery", "--broker", "redis://127.0.0.1:1/0"], environment: environment)
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("pip install 'celery[redis]'"), "\(outcome.error)")
        let notRedis = try Binary.pooltop(["run", "--mode", "celery", "--broker", "amqp://localhost"])
        #expect(notRedis.status == 2)
        #expect(notRedis.error.contains("--broker takes a Redis URL"))
    }
}
