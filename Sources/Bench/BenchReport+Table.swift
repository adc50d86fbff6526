import Workload

extension BenchReport {
    /// The report as text for people: a header, the workloads table, the cost of watching.
    public var text: String {
        var lines = header
        lines.append("")
        lines += workloadTable.lines
        lines.append("")
        lines.append("×threads, ×processes: how many times faster pooltop's thread (process) mode is than the row, median over median"
                     + (workloads.contains { $0.workload == .queueMemory } ? " (on F: how many times its memory per task the row holds)." : "."))
        lines.append("C's efficiency: the CPU its tasks really burned (each measured with the thread's CPU clock, CPU/task) over the cores, "
                     + "divided by the wall time; the heading's ideal is from the nominal cost. On C the ratios compare efficiencies (the implementations' tasks burned different CPU).")
        for workload in workloads {
            for row in workload.rows {
                if let fault = row.fault { lines.append("FAULT \(workload.workload.rawValue) \(row.label): \(fault)") }
            }
        }
        if !samplerCosts.isEmpty || !frames.isEmpty || framesError != nil {
            lines.append("")
            lines += watchingLines
        }
        lines.append("")
        lines += targetLines
        return lines.joined(separator: "\n")
    }

    private var header: [String] {
        var lines = ["pooltop bench — \(parameters.rounds) round\(parameters.rounds == 1 ? "" : "s"), implementations interleaved round by round, \(cores) cores\(parameters.isQuick ? " (--quick: smaller workloads, not for comparison)" : "")"]
        if let version = pythonVersion {
            lines.append("peers: Python \(version), multiprocessing start method \(pythonStartMethod ?? "?"), bench/peers.py")
        } else if let reason = availability.first(where: { $0.implementation.poolMode == nil })?.reason {
            lines.append("peers: absent (\(reason))")
        }
        let target = BenchFormat.duration(calibration.targetNanos)
        var calibrationLine = "CPU task calibration (thread CPU time of one \(target) task, median of 21): pooltop \(micros(calibration.pooltopTaskNanos))"
        if let taken = calibration.pythonTaskNanos, let iterations = calibration.pythonIterations {
            calibrationLine += ", Python \(micros(taken)) (\(BenchFormat.count(iterations)) loop iterations)"
        }
        lines.append(calibrationLine)
        return lines
    }

    private func micros(_ summary: SampleSummary?) -> String {
        summary.map { BenchFormat.duration(UInt64($0.median.rounded())) } ?? "—"
    }

    private var workloadTable: TextTable {
        var table = TextTable(columns: [
            .init("workload / implementation", .left), .init("median"), .init("min"), .init("max"),
            .init("tasks/s"), .init("CPU/task"), .init("efficiency"), .init("×threads"), .init("×processes"),
        ])
        for workload in workloads {
            table.appendHeading("\(workload.title)  [\(workload.unit)\(workload.idealSeconds.map { ", ideal \(BenchFormat.number($0)) s" } ?? "")]")
            for row in workload.rows {
                guard let summary = row.summary, row.error == nil || !row.seconds.isEmpty else {
                    table.appendHeading("  \(row.label): \(row.error ?? "no figure")")
                    continue
                }
                table.append([
                    "  " + row.label, BenchFormat.number(summary.median), BenchFormat.number(summary.min), BenchFormat.number(summary.max),
                    row.tasksPerSecond.map(BenchFormat.number) ?? "",
                    row.cpuPerTaskNanos.map { BenchFormat.duration(UInt64($0.rounded())) } ?? "",
                    row.fault != nil ? "FAULT" : row.efficiency.map(BenchFormat.percent) ?? "",
                    row.implementation == .pooltopThreads ? "" : BenchFormat.ratio(row.threadsSpeedup),
                    row.implementation == .pooltopProcesses ? "" : BenchFormat.ratio(row.processesSpeedup),
                ])
            }
        }
        return table
    }

    private var watchingLines: [String] {
        var lines = ["The cost of watching"]
        if !samplerCosts.isEmpty {
            lines += Self.costTable(samplerCosts, without: "no sampler (tasks/s)", with: "with sampler (tasks/s)").lines
            lines.append("")
        }
        if !recordingCosts.isEmpty {
            lines += Self.costTable(recordingCosts, without: "not recording (tasks/s)", with: "recording (tasks/s)").lines
        }
        if let file = recordingFile {
            lines.append("a \(file.minutes)-minute recording at ~1,000 tasks/s (\(BenchFormat.count(file.samples)) snapshots): "
                         + "\(BenchFormat.number(Double(file.bytes) / 1e6)) MB (\(BenchFormat.number(file.megabytesPerHour)) MB/hour plain); "
                         + "opens in \(BenchFormat.number(file.openSeconds.median)) s; "
                         + "seeks in \(BenchFormat.number(file.seekMilliseconds.median)) ms (max \(BenchFormat.number(file.seekMilliseconds.max)) ms)")
        } else if let recordingFileError {
            lines.append("a long recording: \(recordingFileError)")
        }
        if !recordingCosts.isEmpty || recordingFile != nil || recordingFileError != nil { lines.append("") }
        if let framesError {
            lines.append("dashboard frames: \(framesError)")
        } else if !frames.isEmpty {
            var table = TextTable(columns: [
                .init("dashboard frame (µs, median)", .left), .init("snapshot"), .init("build"), .init("draw"),
                .init("build+draw"), .init("max total"), .init("bytes/frame"),
            ] + BenchParameters.frameRates.map { .init("CPU @\($0) fps") } + BenchParameters.frameRates.map { .init("recording @\($0)") })
            for frame in frames {
                table.append([
                    "  \(frame.width)×\(frame.height)", BenchFormat.number(frame.snapshotMicros.median), BenchFormat.number(frame.buildMicros.median),
                    BenchFormat.number(frame.drawMicros.median), BenchFormat.number(frame.frameMicros),
                    BenchFormat.number(frame.totalMicros.max), BenchFormat.number(frame.bytesPerFrame),
                ] + [false, true].flatMap { recording in
                    BenchParameters.frameRates.map { fps in
                        frame.share(fps: fps, recording: recording).map { String(format: "%.2f %%", $0.percentOfCore) } ?? "—"
                    }
                })
            }
            lines += table.lines
            lines.append("CPU @fps: CPU time of the drawing thread (snapshot + build + draw + input wait) over wall time, in % of one core,")
            lines.append("while the classic bursts (500 requests × 5 tasks of 50 ms I/O) run on a thread pool; drawn on a pseudo-terminal")
            lines.append("(ncurses sets it up and reads the keys; pooltop's frame encoder writes the changed cells as terminfo's sequences);")
            lines.append("recording @fps: the same while a recorder takes every frame's snapshot (its writer thread's CPU is not in it).")
        }
        return lines
    }

    /// Engine throughput unwatched and watched, per implementation and run, and the loss.
    private static func costTable(_ costs: [SamplerCost], without: String, with: String) -> TextTable {
        var table = TextTable(columns: [
            .init("engine throughput, sampler at \(BenchParameters.samplerFPS) fps", .left), .init(without), .init(with), .init("loss"),
        ])
        for cost in costs {
            table.append([
                "  \(cost.implementation.label), \(cost.run)",
                cost.withoutSampler.map { BenchFormat.number($0.median) } ?? "—",
                cost.withSampler.map { BenchFormat.number($0.median) } ?? "—",
                cost.lossPercent.map { String(format: "%.1f %%", $0) } ?? (cost.error ?? "—"),
            ])
        }
        return table
    }
}
