import PoolCore
import Sizing
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
        if inner.height >= 5, let comparison = LatencyPanel.prediction(observation) {
            LineComposer.draw(modelLine(comparison, width: inner.width), row: 4, of: inner, buffer: &buffer)
        }
    }

    /// The queueing model beside the measured queue wait: for Poisson arrivals Erlang C (M/M/c)
    /// from the measured request arrival rate × fan-out, the measured mean task time and the cap;
    /// for a burst that arrives at once (its window under a tenth of the time to drain it, as in
    /// the sweep), the fluid model with n = the burst's tasks. Nil before there is a task time,
    /// for a spread-out burst, and for sources without a scenario.
    static func prediction(_ observation: PoolObservation) -> QueueComparison? {
        let snapshot = observation.snapshot
        guard let workload = snapshot.workload, snapshot.service.count > 0, snapshot.service.mean > 0 else { return nil }
        if let window = workload.burstWindowNanos {
            let burst = FluidBurst(tasks: workload.burstSize * workload.fanout, servers: snapshot.configuration.cap,
                                   serviceSeconds: snapshot.service.mean / 1e9)
            guard burst.tasks > 0, Double(window) / 1e9 <= SweepResult.fluidWindowShare * burst.drainSeconds else { return nil }
            return QueueComparison(prediction: burst.prediction, measuredMeanSeconds: snapshot.queueWait.mean / 1e9,
                                   measuredP99Seconds: Double(snapshot.queueWait.p99) / 1e9)
        }
        guard workload.poissonRate != nil, let rate = observation.requestWindow.arrivalRate, rate > 0 else { return nil }
        let model = ErlangC(arrivalRate: rate * Double(workload.fanout), serviceSeconds: snapshot.service.mean / 1e9,
                            servers: snapshot.configuration.cap)
        return QueueComparison(prediction: model.prediction, measuredMeanSeconds: snapshot.queueWait.mean / 1e9,
                               measuredP99Seconds: Double(snapshot.queueWait.p99) / 1e9)
    }

    /// The model's line: the whole comparison when it fits, else its figures and the verdict.
    private func modelLine(_ comparison: QueueComparison, width: Int) -> [Span] {
        let full = comparison.shortText
        if DisplayWidth.of(full) <= width { return [Span(full, style: styles.muted)] }
        let model = comparison.prediction
        let name = model.model.shortName
        guard model.isStable, let mean = model.meanWaitSeconds else {
            return [Span("\(name): queue grows without bound", style: styles.warning)]
        }
        let verdict: String
        switch comparison.verdict {
        case .close: verdict = "≈ seen"
        case .negligible: verdict = "no queue"
        case .unbounded: verdict = "unbounded"
        case .measuredHigher: verdict = "seen \(NumberText.fixed(comparison.ratio ?? 1, decimals: 1))×"
        case .measuredLower: verdict = "seen ÷\(NumberText.fixed(1 / (comparison.ratio ?? 1), decimals: 1))"
        }
        return [Span("\(name) ", style: styles.muted), Span(DurationText.compact(nanoseconds: UInt64(mean * 1e9)), style: styles.text),
                Span(" wait, P \(NumberText.percent(model.waitProbability ?? 0)) · \(verdict)", style: styles.muted)]
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
