import PoolCore
import Sizing
import TerminalUI

/// A sweep's points as a table: one row per cap with throughput, latency, CPU, lock contention and
/// the fitted curve's throughput; the recommended row is marked. When the sweep has a queueing
/// model and the table is at least `modelColumnMinimumWidth` columns wide, a `model p99` column
/// beside the measured `wait p99` shows the model's p99 queue wait (`∞ ρ≥1` when it says the
/// queue grows without bound); at 80 columns the table keeps its old columns.
struct SweepTable: Widget {
    var result: SweepResult
    var styles: DashboardStyles

    static let columns: [TableColumn] = [
        TableColumn("cap", width: .length(5), alignment: .right),
        TableColumn("tasks/s", width: .length(9), alignment: .right),
        TableColumn("req/s", width: .length(8), alignment: .right),
        TableColumn("p50", width: .length(8), alignment: .right),
        TableColumn("p99", width: .length(8), alignment: .right),
        TableColumn("wait p99", width: .length(9), alignment: .right),
        TableColumn("CPU %", width: .length(6), alignment: .right),
        TableColumn("lock %", width: .length(6), alignment: .right),
        TableColumn("USL fit", width: .length(8), alignment: .right),
        TableColumn("", width: .fill(1)),
    ]

    /// The model's column, put after `wait p99`.
    static let modelColumn = TableColumn("model p99", width: .length(9), alignment: .right)

    /// The narrowest table that shows the model's column: the fixed columns, their spacing and
    /// room for `◀ recommended` in the note column.
    static let modelColumnMinimumWidth = 99

    /// Rows the table takes: the header and one per point.
    var height: Int { result.points.count + 1 }

    func render(in area: Rect, buffer: inout CellBuffer) {
        let recommended = result.recommendation.cap
        let showsModel = area.width >= SweepTable.modelColumnMinimumWidth && result.points.contains { result.prediction(at: $0) != nil }
        let rows: [[Span]] = result.points.map { point in
            var note = ""
            if point.cap == recommended { note = "◀ recommended" }
            if point.cap == result.recommendation.bestCap { note += note.isEmpty ? "best" : ", best" }
            var cells = [
                String(point.cap), NumberText.fixed(point.tasksPerSecond, decimals: point.tasksPerSecond < 100 ? 1 : 0),
                NumberText.fixed(point.requestsPerSecond, decimals: point.requestsPerSecond < 100 ? 1 : 0),
                DurationText.format(nanoseconds: point.latencyP50Nanos), DurationText.format(nanoseconds: point.latencyP99Nanos),
                DurationText.format(nanoseconds: point.queueWaitP99Nanos), NumberText.fixed(point.cpuPercent, decimals: 0),
                NumberText.fixed(point.lockContention * 100, decimals: 1),
                result.fit.map { NumberText.fixed($0.throughput(at: Double(point.cap)), decimals: 0) } ?? "-", note,
            ]
            if showsModel { cells.insert(modelCell(at: point), at: 6) }
            let style = point.cap == recommended ? styles.ok : styles.text
            return cells.map { Span($0, style: style) }
        }
        var columns = SweepTable.columns
        if showsModel { columns.insert(SweepTable.modelColumn, at: 6) }
        Table(columns: columns, rows: rows, headerStyle: styles.title, rowStyle: styles.text).render(in: area, buffer: &buffer)
    }

    /// The model's p99 queue wait at `point`: `-` without a prediction, `∞ ρ≥1` when unstable.
    private func modelCell(at point: SweepPoint) -> String {
        guard let prediction = result.prediction(at: point) else { return "-" }
        guard let p99 = prediction.p99WaitSeconds else { return "∞ ρ≥1" }
        return DurationText.format(nanoseconds: UInt64((min(p99, 1e9) * 1e9).rounded()))
    }
}
