import PoolCore
import Sizing
import TerminalUI

/// A sweep's points as a table: one row per cap with throughput, latency, CPU, lock contention and
/// the fitted curve's throughput; the recommended row is marked.
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

    /// Rows the table takes: the header and one per point.
    var height: Int { result.points.count + 1 }

    func render(in area: Rect, buffer: inout CellBuffer) {
        let recommended = result.recommendation.cap
        let rows: [[Span]] = result.points.map { point in
            var note = ""
            if point.cap == recommended { note = "◀ recommended" }
            if point.cap == result.recommendation.bestCap { note += note.isEmpty ? "best" : ", best" }
            let cells = [
                String(point.cap), NumberText.fixed(point.tasksPerSecond, decimals: point.tasksPerSecond < 100 ? 1 : 0),
                NumberText.fixed(point.requestsPerSecond, decimals: point.requestsPerSecond < 100 ? 1 : 0),
                DurationText.format(nanoseconds: point.latencyP50Nanos), DurationText.format(nanoseconds: point.latencyP99Nanos),
                DurationText.format(nanoseconds: point.queueWaitP99Nanos), NumberText.fixed(point.cpuPercent, decimals: 0),
                NumberText.fixed(point.lockContention * 100, decimals: 1),
                result.fit.map { NumberText.fixed($0.throughput(at: Double(point.cap)), decimals: 0) } ?? "-", note,
            ]
            let style = point.cap == recommended ? styles.ok : styles.text
            return cells.map { Span($0, style: style) }
        }
        Table(columns: SweepTable.columns, rows: rows, headerStyle: styles.title, rowStyle: styles.text).render(in: area, buffer: &buffer)
    }
}
