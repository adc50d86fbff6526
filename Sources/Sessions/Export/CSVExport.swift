import Foundation
import PoolCore
import Workload

/// A recording as CSV: one row per snapshot, with the columns of `run --stream`
/// (`pooltop.sample/1`'s keys, in its order, without `schema`; the limiter's two are empty with a
/// fixed cap).
public enum CSVExport {
    /// The header row's columns.
    public static let columns = ["elapsed_seconds", "mode", "cap", "busy", "queued", "threads", "accepted", "completed", "failed",
                                 "cancelled", "rejected", "tasks_per_second", "requests_in_service", "requests_completed",
                                 "lock_contention", "lock_waiters", "counter_expected", "counter_actual", "cpu_percent",
                                 "limit", "limit_rtt_ms"]

    /// The row of one snapshot, in `columns`' order.
    public static func row(_ snapshot: PoolSnapshot) -> [String] {
        let record = SampleRecord(snapshot)
        return [String(record.elapsedSeconds), record.mode, String(record.cap), String(record.busy), String(record.queued),
                String(record.threads), String(record.accepted), String(record.completed), String(record.failed),
                String(record.cancelled), String(record.rejected), String(record.tasksPerSecond), String(record.requestsInService),
                String(record.requestsCompleted), String(record.lockContention), String(record.lockWaiters),
                String(record.counterExpected), String(record.counterActual), String(record.cpuPercent),
                record.limit.map { String($0) } ?? "", record.limitRttMs.map { String($0) } ?? ""]
    }

    /// Writes `recording` to `path` as CSV.
    /// - Parameter progress: called with the fraction done.
    public static func write(_ recording: Recording, to path: String, progress: (Double) -> Void = { _ in }) throws(RecordingError) {
        var text = columns.joined(separator: ",") + "\n"
        for index in recording.samples.indices {
            text += row(try recording.snapshot(at: index)).joined(separator: ",") + "\n"
            if index % 500 == 0 { progress(Double(index) / Double(recording.samples.count)) }
        }
        try ExportFile.write(Array(text.utf8), to: path)
    }
}
