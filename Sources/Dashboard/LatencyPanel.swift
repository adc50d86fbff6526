import PoolCore
import TerminalUI

/// Latency percentiles: how long tasks waited in the queue, how long they ran, and how long whole
/// requests took, with more columns (p90, mean, count) as the panel grows.
struct LatencyPanel: Widget {
    var observation: PoolObservation
    var styles: DashboardStyles

    /// A column of the table: its title, how wide it is, and how it reads a summary.
    private struct Column {
        var title: String
        var width: Int
        var value: (LatencySummary) -> String
    }

    func render(in area: Rect, buffer: inout CellBuffer) {
        guard let inner = styles.renderPanel("latency", group: .contention, in: area, buffer: &buffer) else { return }
        let snapshot = observation.snapshot
        let rows: [(String, LatencySummary)] = [
            ("queue", snapshot.queueWait), ("service", snapshot.service), ("request", snapshot.requests.latency),
        ]
        let columns = fittingColumns(width: inner.width)
        var tableColumns = [TableColumn("", width: .length(7))]
        for column in columns {
            tableColumns.append(TableColumn(column.title, width: .length(column.width), alignment: .right))
        }
        let tableRows = rows.map { name, summary -> [Span] in
            [Span(name, style: styles.muted)] + columns.map { Span($0.value(summary), style: styles.text) }
        }
        let used = 7 + columns.reduce(0) { $0 + 1 + $1.width }
        Table(
            columns: tableColumns, rows: tableRows, headerStyle: styles.title, rowStyle: styles.text, spacing: 1
        ).render(in: Rect(x: inner.x, y: inner.y, width: min(used, inner.width), height: inner.height), buffer: &buffer)
    }

    /// The columns that fit `width`, most important first: p50, p99, max, then p90, mean, count.
    private func fittingColumns(width: Int) -> [Column] {
        let format = { (nanos: UInt64) in DurationText.compact(nanoseconds: nanos) }
        let p50 = Column(title: "p50", width: 6) { format($0.p50) }
        let p90 = Column(title: "p90", width: 6) { format($0.p90) }
        let p99 = Column(title: "p99", width: 6) { format($0.p99) }
        let max = Column(title: "max", width: 6) { format($0.max) }
        let mean = Column(title: "mean", width: 6) { summary in
            format(summary.mean.isFinite && summary.mean > 0 ? UInt64(summary.mean.rounded()) : 0)
        }
        let count = Column(title: "count", width: 6) { NumberText.compact($0.count) }
        let candidates: [[Column]] = [
            [p50, p90, p99, max, mean, count], [p50, p90, p99, max, mean], [p50, p90, p99, max], [p50, p99, max], [p50, max], [p50],
        ]
        for set in candidates where 7 + set.reduce(0, { $0 + 1 + $1.width }) <= width {
            return set
        }
        return []
    }
}
