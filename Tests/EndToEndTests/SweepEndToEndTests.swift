import Foundation
import Testing

/// `pooltop sweep` through the real binary and the real engine, and the dashboard's formulas and
/// `s` overlay in a real terminal (tmux).
@Suite(.serialized) struct SweepEndToEndTests {
    @Test func aTinySweepPrintsOneJSONRowPerCap() throws {
        let outcome = try Binary.pooltop([
            "sweep", "--task", "io:5ms", "--requests", "8", "--fanout", "2", "--burst-window", "0", "--caps", "1,2,4", "--repeats", "1", "--json",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "pooltop.sweep/1")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["cap"] as? Int } == [1, 2, 4])
        for row in rows {
            #expect((row["tasks_per_second"] as? Double ?? 0) > 0)
            let latency = try #require(row["latency_ms"] as? [String: Double])
            #expect((latency["p99"] ?? 0) >= 5)
        }
        let recommendation = try #require(object["recommendation"] as? [String: Any])
        #expect([1, 2, 4].contains(recommendation["cap"] as? Int ?? 0))
        #expect((recommendation["reason"] as? String ?? "").hasPrefix("cap "))
        let fit = try #require(object["fit"] as? [String: Any])
        #expect(fit["sigma"] is Double && fit["kappa"] is Double)
        #expect((object["goetz"] as? [String: Any])?["formula"] is String)
    }

    @Test func theTextReportHasATableAChartAndTheReasoning() throws {
        let outcome = try Binary.pooltop([
            "sweep", "--task", "io:5ms", "--requests", "8", "--fanout", "2", "--burst-window", "0", "--caps", "1...4", "--repeats", "1", "--width", "100",
        ])
        #expect(outcome.status == 0)
        let stdout = outcome.output
        #expect(stdout.contains("  cap   tasks/s"))
        #expect(stdout.contains("◀ recommended"))
        #expect(stdout.contains("tasks/s ● measured  ⠒⠒ USL fit"))
        #expect(stdout.contains("Recommended cap "))
        #expect(stdout.contains("Goetz: N = "))
        #expect(stdout.contains("USL fit: λ = "))
    }

    @Test(arguments: [["--caps", "0...8"], ["--repeats", "0"], ["--slo", "fast"], ["--mode", "unbounded"]])
    func badArgumentsExitWithStatusTwoAndNameTheArgument(arguments: [String]) throws {
        let outcome = try Binary.pooltop(["sweep"] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.error.contains(arguments[0]))
    }

    @Test func theDashboardShowsTheFormulasAndTheSweepOverlayAppliesItsCap() throws {
        let tmux = try TmuxSession([
            "--requests", "40", "--fanout", "5", "--task", "io:20ms", "--burst-window", "200ms", "--interval", "1s", "--cap", "8",
        ])
        // Little's law with real numbers over its window (once the bursts' arrivals and departures
        // balance over it), and the pool size the arrivals ask for (I/O work: no CPU per task).
        let formulas = tmux.waitUntil(seconds: 30) { screen in
            (screen.contains("L=λW(") || screen.contains("Little L=λW over")) && screen.contains("N=X×S ")
        }
        #expect(formulas, "formulas never showed numbers:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("s")
        #expect(tmux.waitFor("pool-size sweep"), "no overlay:\n\((try? tmux.screen()) ?? "")")
        let done = tmux.waitUntil(seconds: 60) { $0.contains("Recommended cap ") && $0.contains("enter applies") }
        #expect(done, "the sweep never finished:\n\((try? tmux.screen()) ?? "")")
        #expect(try tmux.screen().contains("Goetz: N = "))
        try tmux.send("Enter")
        #expect(tmux.waitFor("rec ✓"), "the recommended cap was not applied:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("Escape")
        let closed = tmux.waitUntil { !$0.contains("pool-size sweep") && $0.contains("sweep  R  ?  quit") }
        #expect(closed, "the overlay did not close:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
