extension BenchReport {
    /// One of the issue's targets, checked against this run (a report, never an assertion).
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

    /// The issue's targets for pooltop, each with this run's figure.
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
        func atMost(_ limit: Double, unit: String) -> (Row) -> (String, Bool) {
            { row in
                let value = row.summary!.median
                let short = value > limit ? " (over by \(BenchFormat.number(value - limit)) \(unit))" : ""
                return (BenchFormat.number(value) + " " + unit + short, value <= limit)
            }
        }
        func share(_ target: Double) -> (Row) -> (String, Bool?) {
            { row in
                if let fault = row.fault { return (fault, nil) }
                let value = row.efficiency ?? 0
                let short = value < target ? " (short by \(String(format: "%.2f", (target - value) * 100)) points)" : ""
                return (BenchFormat.beside(target: target * 100, value * 100, decimals: 2) + " %" + short, value >= target)
            }
        }
        func checkShare(_ target: String, _ workload: BenchWorkload, _ implementation: BenchImplementation, _ goal: Double) {
            guard let row = self.row(workload, implementation) else {
                return checks.append(TargetCheck(target: target, measured: "no figure", isMet: nil))
            }
            let (text, met) = share(goal)(row)
            checks.append(TargetCheck(target: target, measured: text + floorNote(workload, implementation, goal: goal), isMet: met))
        }
        check("A threads ≤ 0.5 µs/task", .noOp, .pooltopThreads, atMost(0.5, unit: "µs/task"))
        check("A threads ≥ 7× faster than ThreadPoolExecutor", .noOp, .pooltopThreads) { row in
            let ratio = speedup(row, over: .threadPoolExecutor, in: .noOp)
            return (BenchFormat.ratio(ratio), (ratio ?? 0) >= 7)
        }
        check("A processes ≤ 2 µs/task", .noOp, .pooltopProcesses, atMost(2, unit: "µs/task"))
        check("A processes faster than mp.Pool default chunks", .noOp, .pooltopProcesses) { row in
            let ratio = speedup(row, over: .multiprocessingPoolDefaultChunks, in: .noOp)
            return (BenchFormat.ratio(ratio), (ratio ?? 0) > 1)
        }
        checkShare("B threads ≥ 99.5 % of ideal", .blocking, .pooltopThreads, 0.995)
        checkShare("C threads ≥ 99.3 % of ideal", .cpu, .pooltopThreads, 0.993)
        checkShare("B processes ≥ 99 % of ideal", .blocking, .pooltopProcesses, 0.99)
        checkShare("C processes ≥ 98 % of ideal", .cpu, .pooltopProcesses, 0.98)
        check("C processes ahead of every Python process pool (efficiency)", .cpu, .pooltopProcesses) { row in
            let peers: [BenchImplementation] = [.processPoolExecutor, .multiprocessingPoolChunksizeOne, .multiprocessingPoolDefaultChunks]
            let ratios = peers.compactMap { peer -> Double? in
                guard let theirs = self.row(.cpu, peer), theirs.fault == nil, let their = theirs.efficiency, their > 0,
                      let own = row.efficiency else { return nil }
                return own / their
            }
            guard let slowest = ratios.min() else { return ("no peer figure", false) }
            return ("at least " + BenchFormat.ratio(slowest), slowest > 1)
        }
        check("F threads ≤ 64 bytes a queued task", .queueMemory, .pooltopThreads, atMost(64, unit: "bytes/task"))
        check("F processes ≤ 64 bytes a queued task", .queueMemory, .pooltopProcesses, atMost(64, unit: "bytes/task"))
        check("D threads ≤ 10 ms", .startStop, .pooltopThreads, atMost(10, unit: "ms"))
        check("D processes ≤ 60 ms", .startStop, .pooltopProcesses, atMost(60, unit: "ms"))
        for cost in samplerCosts {
            let loss = cost.lossPercent
            checks.append(TargetCheck(target: "watching: ≤ 3 % loss, \(cost.implementation.label) \(cost.run)",
                                      measured: loss.map { BenchFormat.beside(target: 3, $0, decimals: 1) + " %" } ?? "no figure",
                                      isMet: loss.map { $0 <= 3 }))
        }
        if let largest = frames.max(by: { $0.width * $0.height < $1.width * $1.height }) {
            checks.append(TargetCheck(target: "frame ≤ 1 ms at \(largest.width)×\(largest.height)",
                                      measured: BenchFormat.number(largest.frameMicros) + " µs", isMet: largest.frameMicros <= 1_000))
        }
        func drawing(_ frame: BenchFrameReport, fps: Int, atMost goal: Double, recording: Bool = false) {
            guard let share = frame.share(fps: fps, recording: recording) else { return }
            checks.append(TargetCheck(target: "\(recording ? "recording: " : "")≤ \(Int(goal)) % of a core at \(fps) fps, \(frame.width)×\(frame.height)",
                                      measured: BenchFormat.beside(target: goal, share.percentOfCore, decimals: 2) + " %"
                                          + (share.percentOfCore > goal ? " (over by \(String(format: "%.2f", share.percentOfCore - goal)) %)" : ""),
                                      isMet: share.percentOfCore <= goal))
        }
        for frame in frames { drawing(frame, fps: 10, atMost: 1) }
        if let largest = frames.max(by: { $0.width * $0.height < $1.width * $1.height }) {
            drawing(largest, fps: 30, atMost: 3)
            drawing(largest, fps: 10, atMost: 1, recording: true)
            drawing(largest, fps: 30, atMost: 3, recording: true)
        }
        return checks
    }

    /// Where the machine's floor stood in this run beside an efficiency target: `; the floor
    /// (threads, no pool) 98.50 %, itself below the target: out of any pool's reach here` when the
    /// row missed a target its floor missed too, else the floor and how far it is from the row. A
    /// row can come out above its floor (they are measured minutes apart on a shared machine): that
    /// is said as it is, not as a floor 0 points above.
    func floorNote(_ workload: BenchWorkload, _ implementation: BenchImplementation, goal: Double) -> String {
        let floor: BenchImplementation = implementation == .pooltopProcesses ? .floorProcesses : .floorThreads
        guard let floorRow = row(workload, floor), floorRow.fault == nil, let reached = floorRow.efficiency,
              let own = row(workload, implementation)?.efficiency else { return "" }
        let figure = BenchFormat.beside(target: goal * 100, reached * 100, decimals: 2) + " %"
        let name = floor == .floorProcesses ? "processes" : "threads"
        let points = String(format: "%.2f", abs(reached - own) * 100)
        let distance = reached >= own ? "\(points) points above" : "\(points) points under this row (the noise between two runs)"
        if reached < goal, own < goal { return "; the floor (\(name), no pool) \(figure), itself below the target: out of any pool's reach here" }
        if reached < goal { return "; the floor (\(name), no pool) \(figure), itself below the target, \(distance)" }
        return "; the floor (\(name), no pool) \(figure), \(distance)"
    }

    /// The target checks as lines.
    var targetLines: [String] {
        ["Targets (issue 14), checked against this run"] + targetChecks.map { check in
            let verdict = check.isMet.map { $0 ? "met   " : "MISSED" } ?? "—     "
            return "  \(verdict)  \(check.target): \(check.measured)"
        }
    }
}
