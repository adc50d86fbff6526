import Foundation
import PoolCore
import PoolEngine
import Workload

/// Runs every part of `pooltop bench` in order and fills a `BenchReport`: calibration, which
/// implementations are available, the workloads round by round, the cost of watching.
public struct BenchSuite {
    let parameters: BenchParameters
    /// The Python peers, or why they are absent.
    let peers: Result<BenchPeerRunner, BenchFailure>
    /// Whether to measure the cost of watching (sampler and frames).
    let measuresWatching: Bool
    /// Called with the fraction done and what runs now.
    let progress: (Double, String) -> Void

    /// Runs it all.
    public func run() -> BenchReport {
        let cores = MonotonicClock.cores
        let peerRunner = try? peers.get()
        var report = BenchReport(parameters: parameters, cores: cores, python: peerRunner?.python,
                                 pythonVersion: peerRunner?.version, pythonStartMethod: peerRunner?.startMethod,
                                 calibration: calibrate(peerRunner), availability: [])
        report.availability = BenchImplementation.allCases.map { implementation in
            progress(0, "checking \(implementation.label)")
            return BenchReport.Availability(implementation: implementation, label: implementation.label,
                                            reason: unavailability(of: implementation, peerRunner))
        }
        let available = report.availability.filter(\.isAvailable).map(\.implementation)
        let burnIterations = report.calibration.pythonIterations ?? 1
        let steps = Double(parameters.workloads.reduce(0) { total, workload in
            total + parameters.rounds * max(1, available.filter { $0.runs(workload) }.count)
        } + 1)
        var done = 0.0
        for workload in parameters.workloads {
            let implementations = BenchImplementation.allCases.filter { $0.runs(workload) }
            let participants = available.filter { $0.runs(workload) }
            var rows = implementations.map { BenchReport.Row(implementation: $0, label: $0.label) }
            for (index, row) in rows.enumerated() {
                rows[index].error = report.availability.first { $0.implementation == row.implementation }?.reason.map { "not available: \($0)" }
            }
            let schedule = RoundSchedule(participants: participants.count, rounds: parameters.rounds)
            for run in schedule.runs {
                let implementation = participants[run.participant]
                let index = implementations.firstIndex(of: implementation)!
                progress(done / steps, "\(workload.rawValue) round \(run.round + 1)/\(parameters.rounds): \(implementation.label)")
                done += 1
                guard rows[index].error == nil else { continue }
                do throws(BenchFailure) {
                    let measurement = try measure(workload, on: implementation, peerRunner, burnIterations: burnIterations)
                    rows[index].seconds.append(measurement.seconds)
                    if let cpu = measurement.cpuNanos { rows[index].cpuNanos.append(cpu) }
                } catch {
                    rows[index].error = error.description
                }
            }
            report.workloads.append(summarize(workload, rows: rows, cores: cores))
        }
        if measuresWatching {
            report.samplerCosts = available.filter { $0.poolMode != nil }.flatMap { samplerCosts(for: $0) }
            report.recordingCosts = available.filter { $0.poolMode != nil }.flatMap { recordingCosts(for: $0) }
            progress(1, "a long recording: writing, opening, seeking")
            do throws(BenchFailure) {
                report.recordingFile = try BenchRecordingFile.measure(minutes: parameters.isQuick ? 6 : 60, seeks: parameters.isQuick ? 20 : 100)
            } catch {
                report.recordingFileError = error.description
            }
            do throws(BenchFailure) {
                report.frames = try frameCosts()
            } catch {
                report.framesError = error.description
            }
        }
        return report
    }

    // MARK: - Parts

    private func calibrate(_ peerRunner: BenchPeerRunner?) -> BenchReport.Calibration {
        progress(0, "calibrating the CPU loops")
        let burner = CPUBurner.shared
        let taken = (0..<21).map { _ in Double(burner.burnMeasuringCPU(nanos: parameters.cpuNanos).cpuNanos) }
        var calibration = BenchReport.Calibration(targetNanos: parameters.cpuNanos,
                                                  pooltopIterationsPerNanosecond: burner.iterationsPerNanosecond,
                                                  pooltopTaskNanos: SampleSummary(taken))
        if let peerRunner, let python = try? peerRunner.calibrate(targetNanos: parameters.cpuNanos) {
            calibration.pythonIterationsPerNanosecond = python.iterationsPerNanosecond
            calibration.pythonIterations = python.iterations
            calibration.pythonTaskNanos = SampleSummary(python.measuredNanos)
        }
        return calibration
    }

    private func unavailability(of implementation: BenchImplementation, _ peerRunner: BenchPeerRunner?) -> String? {
        if let mode = implementation.poolMode {
            return BenchEngineRunner(mode: mode, parameters: parameters).unavailability()
        }
        if let usesProcesses = implementation.floorUsesProcesses {
            return BenchFloorRunner(usesProcesses: usesProcesses, parameters: parameters).unavailability()
        }
        switch peers {
        case .success: return nil
        case .failure(let failure): return "Python peers absent: \(failure)"
        }
    }

    private func measure(_ workload: BenchWorkload, on implementation: BenchImplementation, _ peerRunner: BenchPeerRunner?,
                         burnIterations: Int) throws(BenchFailure) -> BenchMeasurement {
        if let mode = implementation.poolMode {
            return try BenchEngineRunner(mode: mode, parameters: parameters).measure(workload)
        }
        if let usesProcesses = implementation.floorUsesProcesses {
            return try BenchFloorRunner(usesProcesses: usesProcesses, parameters: parameters).measure(workload)
        }
        guard let peerRunner else { throw BenchFailure("Python peers absent") }
        return try peerRunner.measure(implementation, workload, parameters: parameters, burnIterations: burnIterations)
    }

    private func summarize(_ workload: BenchWorkload, rows: [BenchReport.Row], cores: Int) -> BenchReport.Workload {
        var rows = rows
        let ideal = workload.idealSeconds(parameters, cores: cores)
        let factor = workload.displayFactor(parameters)
        for index in rows.indices {
            guard let seconds = SampleSummary(rows[index].seconds) else { continue }
            rows[index].summary = seconds.scaled(by: factor)
            rows[index].tasksPerSecond = workload.taskCount(parameters).map { Double($0) / seconds.median }
            rows[index].efficiency = ideal.map { $0 / seconds.median }
            if workload == .cpu {
                rows[index].judgeAgainstMeasuredCPU(tasks: parameters.cpuTasks, nominalNanos: parameters.cpuNanos,
                                                    spreadOver: max(1, min(parameters.workers, cores)))
            }
        }
        func median(_ implementation: BenchImplementation) -> SampleSummary? {
            rows.first { $0.implementation == implementation }.flatMap { SampleSummary($0.seconds) }
        }
        let threads = median(.pooltopThreads), processes = median(.pooltopProcesses)
        for index in rows.indices {
            guard let own = SampleSummary(rows[index].seconds) else { continue }
            rows[index].threadsSpeedup = threads?.speedup(over: own)
            rows[index].processesSpeedup = processes?.speedup(over: own)
        }
        if workload == .cpu { BenchReport.Row.compareEfficiencies(&rows) }
        return BenchReport.Workload(workload: workload, title: workload.title(parameters), unit: workload.unit,
                                    idealSeconds: ideal, rows: rows)
    }

    /// Throughput on A (repeated) and B with and without a 30 fps sampler, interleaved round by round.
    private func samplerCosts(for implementation: BenchImplementation) -> [BenchReport.SamplerCost] {
        watchingCosts(for: implementation, what: "sampler") { runner, run, watched throws(BenchFailure) in
            try runner.throughput(run.spec, costNanos: run.cost, count: run.count, batches: run.batches,
                                  samplerFPS: watched ? BenchParameters.samplerFPS : nil)
        }
    }

    /// Throughput on A (repeated) and B with a 30 fps sampler, recording or not, interleaved round by round.
    private func recordingCosts(for implementation: BenchImplementation) -> [BenchReport.SamplerCost] {
        let path = NSTemporaryDirectory() + "pooltop-bench-\(getpid()).rec"
        defer { try? FileManager.default.removeItem(atPath: path) }
        return watchingCosts(for: implementation, what: "recording") { runner, run, watched throws(BenchFailure) in
            try runner.throughput(run.spec, costNanos: run.cost, count: run.count, batches: run.batches,
                                  samplerFPS: BenchParameters.samplerFPS, recordingInto: watched ? path : nil)
        }
    }

    private typealias WatchedRun = (name: String, spec: TaskSpec, cost: UInt64, count: Int, batches: Int)

    /// Tasks per second on A (repeated) and B, unwatched and watched (`measure`'s last argument),
    /// interleaved round by round.
    private func watchingCosts(for implementation: BenchImplementation, what: String,
                               measure: (BenchEngineRunner, WatchedRun, Bool) throws(BenchFailure) -> Double) -> [BenchReport.SamplerCost] {
        guard let mode = implementation.poolMode else { return [] }
        let runner = BenchEngineRunner(mode: mode, parameters: parameters)
        let runs: [WatchedRun] = [
            ("A ×\(parameters.watchedNoOpBatches)", TaskSpec(kind: .cpu, costNanos: 0), 0, parameters.noOpTasks, parameters.watchedNoOpBatches),
            ("B", TaskSpec(kind: .io, costNanos: parameters.ioNanos), parameters.ioNanos, parameters.ioTasks, 1),
        ]
        return runs.map { run in
            var figures: [[Double]] = [[], []]
            var cost = BenchReport.SamplerCost(implementation: implementation, run: run.name, samplerFPS: BenchParameters.samplerFPS)
            for pass in RoundSchedule(participants: 2, rounds: parameters.rounds).runs {
                progress(1, "cost of watching: \(implementation.label), \(run.name), round \(pass.round + 1), \(pass.participant == 1 ? "with" : "without") \(what)")
                do throws(BenchFailure) {
                    figures[pass.participant].append(try measure(runner, run, pass.participant == 1))
                } catch {
                    cost.error = error.description
                }
            }
            cost.withoutSampler = SampleSummary(figures[0])
            cost.withSampler = SampleSummary(figures[1])
            if let without = cost.withoutSampler, let with = cost.withSampler {
                cost.lossPercent = (without.median - with.median) / without.median * 100
            }
            return cost
        }
    }

    /// The frame probe on a pseudo-terminal at each screen size.
    private func frameCosts() throws(BenchFailure) -> [BenchFrameReport] {
        let rates = BenchParameters.frameRates.map(String.init).joined(separator: ",")
        return try BenchParameters.screenSizes.map { size throws(BenchFailure) -> BenchFrameReport in
            progress(1, "dashboard frames at \(size.width)×\(size.height)")
            let arguments = ["pooltop", "bench", "frame-probe", "--frames", "\(parameters.frames)",
                             "--seconds", "\(parameters.cpuShareSeconds)", "--fps", rates]
            let (output, bytes) = try BenchPseudoTerminal.run("/proc/self/exe", arguments: arguments, width: size.width, height: size.height)
            guard var frame = try? JSONDecoder().decode(BenchFrameReport.self, from: Data(output)) else {
                throw BenchFailure("the frame probe gave no report at \(size.width)×\(size.height)")
            }
            let drawn = frame.cpuShares.reduce(parameters.frames) { $0 + $1.frames }
            frame.bytesPerFrame = Double(bytes) / Double(max(1, drawn))
            return frame
        }
    }
}
