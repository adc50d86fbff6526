import Foundation
import PoolCore
import Workload

/// Everything one `pooltop bench` run measured: what `--json` prints (schema `pooltop.bench/1`)
/// and what the table is made from. Durations are in seconds unless a name says otherwise.
public struct BenchReport: Sendable, Codable {
    /// Whether an implementation could run here, and why not.
    struct Availability: Sendable, Codable {
        var implementation: BenchImplementation
        var label: String
        var reason: String?
        /// True when it ran.
        var isAvailable: Bool { reason == nil }
    }

    /// How a CPU task was made to cost the same CPU time in both languages.
    struct Calibration: Sendable, Codable {
        /// The CPU time one C task should cost, in nanoseconds.
        var targetNanos: UInt64
        /// pooltop's loop (the engine's `CPUBurner`): iterations per nanosecond, and the thread CPU
        /// time a task really took, in nanoseconds.
        var pooltopIterationsPerNanosecond: Double
        var pooltopTaskNanos: SampleSummary?
        /// Python's loop: iterations per nanosecond, the iterations of one task, and what it took.
        var pythonIterationsPerNanosecond: Double?
        var pythonIterations: Int?
        var pythonTaskNanos: SampleSummary?
    }

    /// One implementation's runs of one workload.
    struct Row: Sendable, Codable {
        var implementation: BenchImplementation
        var label: String
        /// Each round's figure in seconds, in round order (E: the round's median trip).
        var seconds: [Double] = []
        /// The figures in the workload's unit.
        var summary: SampleSummary?
        /// Tasks per second at the median (A, B, C).
        var tasksPerSecond: Double?
        /// Ideal time over the median time (B, C).
        var efficiency: Double?
        /// How many times faster pooltop's thread and process modes are than this row, median
        /// over median (above 1: pooltop is faster).
        var threadsSpeedup: Double?
        var processesSpeedup: Double?
        /// Why it has no figure, if it has none.
        var error: String?
        /// C: each round's CPU time burned by the tasks in all (nanoseconds), as they measured it.
        var cpuNanos: [Double] = []
        /// C: the median round's CPU per task (nanoseconds), printed beside the nominal cost.
        var cpuPerTaskNanos: Double?
        /// Why the efficiency cannot be a result (above 101 % of the ideal): a measurement fault.
        var fault: String?
    }

    /// One workload's rows.
    struct Workload: Sendable, Codable {
        var workload: BenchWorkload
        var title: String
        var unit: String
        var idealSeconds: Double?
        var rows: [Row]
    }

    /// Engine throughput with and without a sampler taking snapshots at `samplerFPS`.
    struct SamplerCost: Sendable, Codable {
        var implementation: BenchImplementation
        /// What ran: "A ×20" (A repeated back to back) or "B".
        var run: String
        var samplerFPS: Int
        /// Tasks per second, one figure per round.
        var withoutSampler: SampleSummary?
        var withSampler: SampleSummary?
        /// How much slower the medians are with the sampler, in percent (negative: faster).
        var lossPercent: Double?
        var error: String?
    }

    var schema = "pooltop.bench/1"
    var parameters: BenchParameters
    /// CPUs this process may run on.
    var cores: Int
    /// The Python peers' interpreter, its version and start method; nil when absent.
    var python: String?
    var pythonVersion: String?
    var pythonStartMethod: String?
    var calibration: Calibration
    var availability: [Availability]
    var workloads: [Workload] = []
    var samplerCosts: [SamplerCost] = []
    /// Engine throughput with a sampler, recording every sample and task or not.
    var recordingCosts: [SamplerCost] = []
    /// Opening and seeking in a long recording.
    var recordingFile: BenchRecordingFile?
    var recordingFileError: String?
    /// The dashboard's cost per screen size (thread mode; drawing does not depend on the mode).
    var frames: [BenchFrameReport] = []
    var framesError: String?
}

extension BenchReport {
    /// The report as pretty-printed JSON with sorted keys (schema `pooltop.bench/1`).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
