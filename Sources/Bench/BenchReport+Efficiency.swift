extension BenchReport.Row {
    /// The efficiency past which a figure is a measurement fault, not a result: no pool beats the
    /// ideal, so above it (beyond 1 % of noise) the ideal or the clock was wrong.
    static let faultEfficiency = 1.01

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
