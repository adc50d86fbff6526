import PoolCore
import TerminalUI

/// Throughput: tasks and requests finished per second over time, and the running totals of how
/// tasks ended (completed, failed, rejected, cancelled).
struct ThroughputPanel: Widget {
    var observation: PoolObservation
    var styles: DashboardStyles

    /// The width of the rate labels left of the graphs ("tasks/s 1.2k").
    static let labelWidth = 13

    func render(in area: Rect, buffer: inout CellBuffer) {
        let snapshot = observation.snapshot
        let requests = snapshot.requests
        // A watched program's tasks are its calls: one graph, of tasks.
        let noun = snapshot.hasRequests ? "requests" : "tasks"
        let detail = [Span("\(noun) \(NumberText.grouped(requests.completed))/\(NumberText.grouped(requests.arrived)) done", style: styles.muted)]
        guard let inner = styles.renderPanel("throughput", detail: detail, group: .flow, in: area, buffer: &buffer) else { return }
        let totals = totalLines(width: inner.width)
        let graphRows = max(0, inner.height - totals.count)
        let tasksRows = snapshot.hasRequests ? (graphRows + 1) / 2 : graphRows, requestRows = graphRows - tasksRows
        renderRate(
            label: "tasks/s", value: snapshot.tasksPerSecond, history: observation.history.tasksPerSecond,
            style: styles.tasksGraph, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: tasksRows), buffer: &buffer
        )
        renderRate(
            label: "req/s", value: snapshot.requestsPerSecond, history: observation.history.requestsPerSecond,
            style: styles.requestsGraph, in: Rect(x: inner.x, y: inner.y + tasksRows, width: inner.width, height: requestRows), buffer: &buffer
        )
        for (offset, line) in totals.enumerated() {
            LineComposer.draw(line, row: graphRows + offset, of: inner, buffer: &buffer)
        }
    }

    /// One rate: its label and current value on the left, its history as a graph on the right.
    private func renderRate(label: String, value: Double, history: SampleHistory, style: Style, in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let labelWidth = min(ThroughputPanel.labelWidth, area.width)
        let labelArea = Rect(x: area.x, y: area.y, width: labelWidth, height: area.height)
        LineComposer.draw([Span(label + " ", style: styles.muted), Span(NumberText.compact(value), style: styles.highlight)], row: 0, of: labelArea, buffer: &buffer)
        let graph = Rect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth, height: area.height)
        guard !graph.isEmpty else { return }
        if graph.height == 1 {
            Sparkline(values: history.suffix(graph.width), style: style).render(in: graph, buffer: &buffer)
        } else {
            let values = history.suffix(graph.width * 2)
            BrailleGraph(values: values, style: style, mode: .area).render(in: graph, buffer: &buffer)
            var top = 0.0
            for sample in values where sample > top { top = sample }
            LineComposer.draw([Span("max " + NumberText.compact(top), style: styles.muted)], row: area.height - 1, of: labelArea, buffer: &buffer)
        }
    }

    /// The totals, flowed onto as many lines as the width needs.
    private func totalLines(width: Int) -> [[Span]] {
        let totals = observation.snapshot.totals
        func figure(_ name: String, _ value: Int, alarming: Bool) -> [Span] {
            [Span(name + " ", style: styles.muted), Span(NumberText.grouped(value), style: alarming && value > 0 ? styles.error : styles.text)]
        }
        var pieces = [
            figure("completed", totals.completed, alarming: false),
            figure("failed", totals.failed, alarming: true),
            figure("rejected", totals.rejected, alarming: true),
            figure("cancelled", totals.cancelled, alarming: true),
        ]
        if totals.retried > 0 { pieces.append(figure("retried", totals.retried, alarming: true)) }
        if totals.ranByCaller > 0 { pieces.append(figure("ran by caller", totals.ranByCaller, alarming: false)) }
        return LineComposer.flowed(pieces, separator: Span("  "), width: width)
    }
}
