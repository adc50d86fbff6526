import Foundation
import PoolEngine
import Workload

/// Drives the Python peers: one `python3 bench/peers.py` process per run, a JSON request in and a
/// JSON answer out, so every run starts from a fresh interpreter as a user's script would.
struct BenchPeerRunner {
    /// The interpreter (resolved to the real executable, past shims such as pyenv's).
    let python: String
    /// The peers script.
    let script: String
    /// The interpreter's version and multiprocessing start method, from `info`.
    let version: String
    let startMethod: String

    /// Finds the interpreter and the script and asks the script who it is.
    /// - Parameters:
    ///   - command: the interpreter, a name on `PATH` or a path.
    ///   - script: the script's path; nil looks for `bench/peers.py` in the current directory and
    ///     in the folders above the pooltop executable.
    /// - Throws: why the peers are absent (no interpreter, no script, or it did not answer).
    init(command: String, script: String?) throws(BenchFailure) {
        guard let found = Subprocess.locate(command) else { throw BenchFailure("\(command) not found on PATH") }
        guard let script = script ?? Self.defaultScript() else {
            throw BenchFailure("bench/peers.py not found (run from the repository, or pass --peers-script)")
        }
        let info = try Self.ask(python: found, script: script, BenchPeerRequest(op: "info"))
        python = info.executable ?? found
        self.script = script
        version = info.python ?? "?"
        startMethod = info.startMethod ?? "?"
    }

    /// Measures the interpreter's CPU loop and how many iterations make a task of `nanos` CPU.
    func calibrate(targetNanos nanos: UInt64) throws(BenchFailure) -> (iterationsPerNanosecond: Double, iterations: Int, measuredNanos: [Double]) {
        let answer = try Self.ask(python: python, script: script, BenchPeerRequest(op: "calibrate", targetNs: nanos))
        guard let rate = answer.iterationsPerNs, let iterations = answer.iterations else {
            throw BenchFailure("peers.py gave no calibration")
        }
        return (rate, iterations, answer.measuredCpuNs ?? [])
    }

    /// Runs `workload` once on `implementation` and returns its figure in seconds, as
    /// `BenchEngineRunner.measure` does (E: the median round trip).
    func measure(_ implementation: BenchImplementation, _ workload: BenchWorkload, parameters p: BenchParameters,
                 burnIterations: Int) throws(BenchFailure) -> BenchMeasurement {
        let tasks: Int? = switch workload {
        case .noOp: p.noOpTasks
        case .blocking: p.ioTasks
        case .cpu: p.cpuTasks
        case .queueMemory: p.queuedTasks
        case .startStop, .roundTrip: nil
        }
        let request = BenchPeerRequest(op: "run", impl: implementation.rawValue, workload: workload.rawValue, tasks: tasks,
                                       workers: p.workers, ioNs: p.ioNanos, burnIterations: burnIterations, trips: p.trips)
        let answer = try Self.ask(python: python, script: script, request)
        if workload == .roundTrip, let trips = answer.tripsNs, let summary = SampleSummary(trips) {
            return BenchMeasurement(seconds: summary.median / 1e9)
        }
        guard let seconds = answer.seconds else { throw BenchFailure("peers.py gave no figure") }
        return BenchMeasurement(seconds: seconds, cpuNanos: answer.cpuNs)
    }

    // MARK: - Private

    private static func ask(python: String, script: String, _ request: BenchPeerRequest) throws(BenchFailure) -> BenchPeerAnswer {
        let input = try request.encoded()
        let outcome: Subprocess.Outcome
        do throws(SubprocessError) {
            outcome = try Subprocess.run(python, arguments: [python, script], input: input)
        } catch {
            throw BenchFailure(error.description)
        }
        guard outcome.exitCode == 0 else {
            let how = outcome.signal.map { "was killed by signal \($0)" } ?? "exited with status \(outcome.exitCode ?? -1)"
            throw BenchFailure("peers.py \(how)")
        }
        return try BenchPeerAnswer(decoding: outcome.output)
    }

    /// `bench/peers.py` in the current directory or in one of the folders above the executable.
    private static func defaultScript() -> String? {
        var candidates = ["bench/peers.py"]
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("bench/peers.py").path)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }
}
