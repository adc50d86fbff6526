@testable import Bench
import Testing

@Suite("The bench report's target lines")
struct BenchReportTests {
    /// A report with workload A measured for pooltop threads and ThreadPoolExecutor, and B for
    /// pooltop threads.
    private func report() -> BenchReport {
        let parameters = BenchParameters.full(rounds: 3)
        var report = BenchReport(parameters: parameters, cores: 2, calibration: .init(targetNanos: 1_000_000, pooltopIterationsPerNanosecond: 1),
                                 availability: [])
        var threadsA = BenchReport.Row(implementation: .pooltopThreads, label: "pooltop threads")
        threadsA.summary = SampleSummary([0.66, 0.7, 0.64])
        var executorA = BenchReport.Row(implementation: .threadPoolExecutor, label: "ThreadPoolExecutor")
        executorA.summary = SampleSummary([9.9, 10.2, 10.0])
        var threadsB = BenchReport.Row(implementation: .pooltopThreads, label: "pooltop threads")
        threadsB.summary = SampleSummary([0.51])
        threadsB.efficiency = 0.9796
        report.workloads = [
            BenchReport.Workload(workload: .noOp, title: "A", unit: "µs/task", idealSeconds: nil, rows: [threadsA, executorA]),
            BenchReport.Workload(workload: .blocking, title: "B", unit: "s", idealSeconds: 0.5, rows: [threadsB]),
        ]
        return report
    }

    @Test("met, MISSED and no-figure targets, each with this run's figure")
    func targetLines() {
        let lines = report().targetLines
        #expect(lines.first == "Targets (issue 5), checked against this run")
        #expect(lines.contains("  met     A threads ≤ 2 µs/task: 0.660 µs/task"))
        #expect(lines.contains("  met     A threads ≥ 7× faster than ThreadPoolExecutor: 15.2×"))
        #expect(lines.contains("  MISSED  B threads ≥ 99 % of ideal: 98.0 %"))
        #expect(lines.contains("  —       A processes ≤ 3 µs/task: no figure"))
        #expect(lines.contains("  —       D threads ≤ 10 ms: no figure"))
    }
}
