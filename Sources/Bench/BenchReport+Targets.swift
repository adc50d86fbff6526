extension BenchReport {
    /// One of the targets, checked against this run (a report, never an assertion).
    struct TargetCheck: Sendable {
        /// What the target says.
        var target: String
        /// What this run measured.
        var measured: String
        /// Nil when there is no figure to check.
        var isMet: Bool?
    }

    /// The row of `implementation` in `workload`, when it has a figure.
    func row(_ workload: BenchWorkload, _ implementation: BenchImplementation) -> Row? {
        workloads.first { $0.workload == workload }?.rows.first { $0.implementation == implementation && $0.summary != nil }
    }

    /// The targets for pooltop, each with this run's figure.
    var targetChecks: [TargetCheck] {
        var checks: [TargetCheck] = []
        func check(_ target: String, _ workload: BenchWorkload, _ implementation: BenchImplementation, _ measure: (Row) -> (String, Bool)) {
            guard let row = self.row(workload, implementation) else {
                return checks.append(TargetCheck(target: target, measured: "no figure", isMet: nil))
            }
            let (text, met) = measure(row)
            checks.append(TargetCheck(target: target, measured: text, isMet: met))
        }
        func speedup(_ own: Row, over peer: BenchImplementation, in workload: BenchWorkload) -> Double? {
            guard let mine = own.summary?.median, let other = self.row(workload, peer)?.summary?.median, mine > 0 else { return nil }
            return other / mine
        }
        let us = { (row: Row) in BenchFormat.number(row.summary!.median) + " µs/task" }
        check("A threads ≤ 2 µs/task", .noOp, .pooltopThreads) { (us($0), $0.summary!.median <= 2) }
        check("A threads ≥ 7× faster than ThreadPoolExecutor", .noOp, .pooltopThreads) { row in
            let ratio = speedup(row, over: .threadPoolExecutor, in: .noOp)
            return (BenchFormat.ratio(ratio), (ratio ?? 0) >= 7)
        }
        check("A processes ≤ 3 µs/task", .noOp, .pooltopProcesses) { (us($0), $0.summary!.median <= 3) }
        check("A processes faster than mp.Pool default chunks", .noOp, .pooltopProcesses) { row in
            let ratio = speedup(row, over: .multiprocessingPoolDefaultChunks, in: .noOp)
            return (BenchFormat.ratio(ratio), (ratio ?? 0) > 1)
        }
        for (implementation, b, c) in [(BenchImplementation.pooltopThreads, 0.99, 0.98), (.pooltopProcesses, 0.98, 0.97)] {
            let name = implementation == .pooltopThreads ? "threads" : "processes"
            check("B \(name) ≥ \(Int(b * 100)) % of ideal", .blocking, implementation) { (BenchFormat.percent($0.efficiency ?? 0), ($0.efficiency ?? 0) >= b) }
            check("C \(name) ≥ \(Int(c * 100)) % of ideal", .cpu, implementation) { (BenchFormat.percent($0.efficiency ?? 0), ($0.efficiency ?? 0) >= c) }
        }
        check("D threads ≤ 10 ms", .startStop, .pooltopThreads) { (BenchFormat.number($0.summary!.median) + " ms", $0.summary!.median <= 10) }
        check("D processes ≤ 100 ms", .startStop, .pooltopProcesses) { (BenchFormat.number($0.summary!.median) + " ms", $0.summary!.median <= 100) }
        for cost in samplerCosts {
            let loss = cost.lossPercent
            checks.append(TargetCheck(target: "watching: ≤ 3 % loss, \(cost.implementation.label) \(cost.run)",
                                      measured: loss.map { String(format: "%.1f %%", $0) } ?? "no figure", isMet: loss.map { $0 <= 3 }))
        }
        if let largest = frames.max(by: { $0.width * $0.height < $1.width * $1.height }) {
            checks.append(TargetCheck(target: "frame ≤ 1 ms at \(largest.width)×\(largest.height)",
                                      measured: BenchFormat.number(largest.frameMicros) + " µs", isMet: largest.frameMicros <= 1_000))
        }
        for frame in frames {
            if let share = frame.cpuShares.first(where: { $0.fps == 10 }) {
                checks.append(TargetCheck(target: "≤ 1 % of a core at 10 fps, \(frame.width)×\(frame.height)",
                                          measured: String(format: "%.2f %%", share.percentOfCore), isMet: share.percentOfCore <= 1))
            }
        }
        return checks
    }

    /// The target checks as lines.
    var targetLines: [String] {
        ["Targets (issue 5), checked against this run"] + targetChecks.map { check in
            let verdict = check.isMet.map { $0 ? "met   " : "MISSED" } ?? "—     "
            return "  \(verdict)  \(check.target): \(check.measured)"
        }
    }
}
