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

    @Test("met, MISSED and no-figure targets, each with this run's figure and, when missed, by how much")
    func targetLines() {
        let lines = report().targetLines
        #expect(lines.first == "Targets (issue 14), checked against this run")
        #expect(lines.contains("  MISSED  A threads ≤ 0.5 µs/task: 0.660 µs/task (over by 0.160 µs/task)"), "\(lines)")
        #expect(lines.contains("  met     A threads ≥ 7× faster than ThreadPoolExecutor: 15.2×"))
        #expect(lines.contains("  MISSED  B threads ≥ 99.5 % of ideal: 97.96 % (short by 1.54 points)"), "a rounded 98.0 % would hide the miss")
        #expect(lines.contains("  —       A processes ≤ 2 µs/task: no figure"))
        #expect(lines.contains("  —       D threads ≤ 10 ms: no figure"))
        #expect(lines.contains("  —       F threads ≤ 64 bytes a queued task: no figure"))
    }

    @Test("the drawing thread's targets: 1 % at 10 fps at every size, and at the largest 3 % at 30 fps, recording off and on")
    func drawingThreadTargets() {
        var report = report()
        func frame(_ width: Int, _ height: Int, _ shares: [(Int, Double, Bool)]) -> BenchFrameReport {
            let micros = SampleSummary([300])!
            return BenchFrameReport(width: width, height: height, snapshotMicros: micros, buildMicros: micros, drawMicros: micros,
                                    totalMicros: micros, bytesPerFrame: 2_000,
                                    cpuShares: shares.map { .init(fps: $0.0, frames: 30, seconds: 3, percentOfCore: $0.1, recording: $0.2) })
        }
        report.frames = [frame(80, 24, [(10, 0.92, false), (30, 2.4, false)]),
                         frame(200, 50, [(10, 1.45, false), (30, 2.95, false), (10, 1.52, true), (30, 3.26, true)])]
        let lines = report.targetLines
        #expect(lines.contains("  met     ≤ 1 % of a core at 10 fps, 80×24: 0.92 %"), "\(lines)")
        #expect(lines.contains("  MISSED  ≤ 1 % of a core at 10 fps, 200×50: 1.45 % (over by 0.45 %)"))
        #expect(lines.contains("  met     ≤ 3 % of a core at 30 fps, 200×50: 2.95 %"))
        #expect(lines.contains("  MISSED  recording: ≤ 1 % of a core at 10 fps, 200×50: 1.52 % (over by 0.52 %)"))
        #expect(lines.contains("  MISSED  recording: ≤ 3 % of a core at 30 fps, 200×50: 3.26 % (over by 0.26 %)"))
        #expect(!lines.contains { $0.contains("30 fps, 80×24") })
        let table = report.text
        #expect(table.contains("recording @10  recording @30"), "\(table)")
        #expect(table.contains("1.52 %"))
    }

    /// A row of `implementation` with one median and an efficiency.
    private func row(_ implementation: BenchImplementation, _ label: String, seconds: Double, efficiency: Double) -> BenchReport.Row {
        var row = BenchReport.Row(implementation: implementation, label: label)
        row.summary = SampleSummary([seconds])
        row.efficiency = efficiency
        return row
    }

    @Test("an efficiency target names the machine's floor (the same tasks with no pool) and says when it is out of reach")
    func floorBesideTheTarget() {
        var report = report()
        report.workloads[1].rows += [row(.floorThreads, "floor: threads, no pool", seconds: 0.505, efficiency: 0.9901),
                                     row(.pooltopProcesses, "pooltop processes", seconds: 0.52, efficiency: 0.9612),
                                     row(.floorProcesses, "floor: processes, no pool", seconds: 0.503, efficiency: 0.9940)]
        let lines = report.targetLines
        #expect(lines.contains("  MISSED  B threads ≥ 99.5 % of ideal: 97.96 % (short by 1.54 points); the floor (threads, no pool) "
                               + "99.01 %, itself below the target: out of any pool's reach here"), "\(lines)")
        #expect(lines.contains("  MISSED  B processes ≥ 99 % of ideal: 96.12 % (short by 2.88 points); the floor (processes, no pool) "
                               + "99.40 %, 3.28 points above"), "\(lines)")
    }

    @Test("a row that met its target above a floor that missed it says so, and does not call the target out of reach")
    func rowAboveItsFloor() {
        var report = report()
        report.workloads.append(BenchReport.Workload(workload: .cpu, title: "C", unit: "s wall", idealSeconds: 1.25, rows: [
            row(.pooltopThreads, "pooltop threads", seconds: 1.26, efficiency: 0.9932),
            row(.pooltopProcesses, "pooltop processes", seconds: 1.27, efficiency: 0.9850),
            row(.floorThreads, "floor: threads, no pool", seconds: 1.26, efficiency: 0.9928),
            row(.floorProcesses, "floor: processes, no pool", seconds: 1.27, efficiency: 0.9840),
        ]))
        let lines = report.targetLines
        #expect(lines.contains("  met     C threads ≥ 99.3 % of ideal: 99.32 %; the floor (threads, no pool) 99.28 %, "
                               + "itself below the target, 0.04 points under this row (the noise between two runs)"), "\(lines)")
        #expect(lines.contains("  met     C processes ≥ 98 % of ideal: 98.50 %; the floor (processes, no pool) 98.40 %, "
                               + "0.10 points under this row (the noise between two runs)"), "\(lines)")
    }

    @Test("C's efficiency comes from the CPU the tasks really burned; above 101 % it is a fault, not a result")
    func efficiencyFromMeasuredCPU() {
        // 2,500 tasks, 2 cores, 1.3 s of wall time.
        var honest = BenchReport.Row(implementation: .multiprocessingPoolDefaultChunks, label: "mp.Pool default chunks")
        honest.seconds = [1.30, 1.31, 1.29]
        honest.efficiency = 1.25 / 1.30  // from the nominal 1 ms: the tasks ran shorter than that
        honest.cpuNanos = [2_500 * 1_000_000 * 0.95, 2_500 * 1_000_000 * 0.96, 2_500 * 1_000_000 * 0.94]
        honest.judgeAgainstMeasuredCPU(tasks: 2_500, nominalNanos: 1_000_000, spreadOver: 2)
        #expect(honest.cpuPerTaskNanos == 950_000)
        #expect(abs((honest.efficiency ?? 0) - 2_500 * 0.00095 / 2 / 1.30) < 1e-9)
        #expect(honest.fault == nil)

        var impossible = BenchReport.Row(implementation: .multiprocessingPoolDefaultChunks, label: "mp.Pool default chunks")
        impossible.seconds = [0.952]
        impossible.efficiency = 1.25 / 0.952  // 131.3 %: the figure a full run once printed as a result
        impossible.judgeAgainstMeasuredCPU(tasks: 2_500, nominalNanos: 1_000_000, spreadOver: 2)
        #expect(impossible.fault?.hasPrefix("measurement fault: 131.3 % of ideal is impossible") == true, "\(impossible.fault ?? "")")

        var report = report()
        report.workloads.append(BenchReport.Workload(workload: .cpu, title: "C", unit: "s wall", idealSeconds: 1.25, rows: [impossible]))
        #expect(report.text.contains("FAULT C mp.Pool default chunks: measurement fault: 131.3 %"))
        #expect(!report.text.contains("131.3 %  "), "the table shows FAULT, not the figure")
    }

    @Test("on C the ratio columns compare efficiencies: a peer whose tasks burned less CPU does not look faster")
    func cpuRatiosCompareEfficiencies() {
        var processes = BenchReport.Row(implementation: .pooltopProcesses, label: "pooltop processes")
        processes.efficiency = 0.939
        var peer = BenchReport.Row(implementation: .multiprocessingPoolDefaultChunks, label: "mp.Pool default chunks")
        peer.efficiency = 0.923
        peer.processesSpeedup = 1.34 / 1.15  // wall over wall: 1.17× the other way round
        var rows = [processes, peer]
        BenchReport.Row.compareEfficiencies(&rows)
        #expect(abs((rows[1].processesSpeedup ?? 0) - 0.939 / 0.923) < 1e-12)
        #expect((rows[1].processesSpeedup ?? 0) > 1, "pooltop processes is ahead once the work is counted")
    }

    @Test("a figure beside its target gets the digits that tell them apart")
    func digitsBesideATarget() {
        #expect(BenchFormat.beside(target: 1, 1.004, decimals: 2) == "1.004")
        #expect(BenchFormat.beside(target: 1, 1.0, decimals: 2) == "1.00")
        #expect(BenchFormat.beside(target: 98, 97.999, decimals: 2) == "97.999")
        #expect(BenchFormat.beside(target: 98, 97.96, decimals: 2) == "97.96")
    }
}
