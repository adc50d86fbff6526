extension BenchReport.Row {
    /// The efficiency past which a figure is a measurement fault, not a result: no pool beats the
    /// ideal, so above it (beyond 1 % of noise) the ideal or the clock was wrong.
    static let faultEfficiency = 1.01

    /// On C, where each implementation's tasks burned their own amount of CPU (a Python loop
    /// calibrated once runs shorter or longer than 1 ms), the ratio columns compare efficiencies,
    /// not wall times: otherwise a peer whose tasks did less work would look faster.
    static func compareEfficiencies(_ rows: inout [Self]) {
        let threads = rows.first { $0.implementation == .pooltopThreads }?.efficiency
        let processes = rows.first { $0.implementation == .pooltopProcesses }?.efficiency
        for index in rows.indices {
            guard let own = rows[index].efficiency, own > 0, rows[index].fault == nil else { continue }
            rows[index].threadsSpeedup = threads.map { $0 / own }
            rows[index].processesSpeedup = processes.map { $0 / own }
        }
    }

    /// C's efficiency from the CPU the tasks really burned (spread over `spreadOver` cores) rather
    /// than from the nominal cost, for pooltop and the peers alike; the CPU per task kept for the
    /// table; and a fault when the efficiency is still above `faultEfficiency`.
    mutating func judgeAgainstMeasuredCPU(tasks: Int, nominalNanos: UInt64, spreadOver cores: Int) {
        guard let seconds = SampleSummary(self.seconds) else { return }
        if let cpu = SampleSummary(cpuNanos), cpu.median > 0, tasks > 0 {
            cpuPerTaskNanos = cpu.median / Double(tasks)
            efficiency = cpu.median / Double(cores) / 1e9 / seconds.median
        }
        guard let efficiency, efficiency > Self.faultEfficiency else { return }
        let measured = cpuPerTaskNanos.map { "its tasks measured \(BenchFormat.duration(UInt64($0.rounded()))) of CPU each" }
            ?? "its tasks' CPU was not measured (ideal from the nominal \(BenchFormat.duration(nominalNanos)))"
        fault = "measurement fault: \(BenchFormat.percent(efficiency)) of ideal is impossible; \(measured)"
    }
}
