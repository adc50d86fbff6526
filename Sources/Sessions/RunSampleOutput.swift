import Foundation
import PoolCore
import Workload

/// What `pooltop run` prints while it runs: with `--stream`, one JSON line per sample
/// (`pooltop.sample/1`) on stdout, and the progress bar on stderr when it is a terminal.
public struct RunSampleOutput {
    private let stream: Bool
    private let progress: ProgressBar
    private let encoder = JSONEncoder()

    /// Output for one run: JSON lines if `stream`, and `progress`.
    public init(stream: Bool, progress: ProgressBar) {
        self.stream = stream
        self.progress = progress
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Whether anything is shown while the run goes (JSON lines or the progress bar): without it
    /// the run need not be sampled (`HeadlessRun.samplesWhileRunning`).
    public var showsSamples: Bool { stream || progress.enabled }

    /// Shows one sample, taken when `fraction` of the run's tasks had ended.
    public func show(_ snapshot: PoolSnapshot, fraction: Double) {
        if stream, let data = try? encoder.encode(SampleRecord(snapshot)) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        progress.show(fraction, detail: "\(snapshot.totals.finished) tasks done, \(snapshot.busy) running, \(snapshot.queueDepth) queued")
    }

    /// Takes the progress bar off the screen.
    public func finish() { progress.finish() }

    /// `summary` as `run --json` prints it: one pretty-printed JSON object and a newline.
    public static func json(_ summary: RunSummary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(summary) + Data("\n".utf8)
    }
}
