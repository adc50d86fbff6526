import PoolCore
import TerminalUI

/// The queue: its depth over time as a graph, and its head as a strip of waiting tasks colored by
/// request (`▮` and `▯` alternate between requests so they read apart without color too).
struct QueuePanel: Widget {
    var observation: PoolObservation
    var styles: DashboardStyles

    func render(in area: Rect, buffer: inout CellBuffer) {
        let snapshot = observation.snapshot
        var detail = [Span("peak " + NumberText.grouped(snapshot.peakQueueDepth), style: styles.muted)]
        if let bound = snapshot.configuration.queueBound {
            detail.append(Span(" / bound " + NumberText.grouped(bound) + " " + snapshot.configuration.rejectPolicy.rawValue, style: styles.muted))
        }
        guard let inner = styles.renderPanel("queue", detail: detail, group: .flow, in: area, buffer: &buffer) else { return }
        var summary: [LineComposer.Piece] = [
            .init([Span("depth ", style: styles.muted), Span(NumberText.grouped(snapshot.queueDepth), style: snapshot.queueDepth > 0 ? styles.warning : styles.text)], priority: 9),
            .init([Span("wait p50 ", style: styles.muted), Span(DurationText.format(nanoseconds: snapshot.queueWait.p50), style: styles.text)], priority: 6),
            .init([Span("p99 ", style: styles.muted), Span(DurationText.format(nanoseconds: snapshot.queueWait.p99), style: styles.text)], priority: 5),
        ]
        if snapshot.totals.rejected > 0 {
            summary.append(.init([Span("rejected " + NumberText.grouped(snapshot.totals.rejected), style: styles.error)], priority: 8))
        }
        LineComposer.draw(LineComposer.fitted(summary, separator: Span("  "), width: inner.width), row: 0, of: inner, buffer: &buffer)
        let graphArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2)
        if !graphArea.isEmpty {
            renderGraph(in: graphArea, buffer: &buffer)
        }
        if inner.height >= 2 {
            renderHead(in: inner.row(inner.height - 1), buffer: &buffer)
        }
    }

    private func renderGraph(in area: Rect, buffer: inout CellBuffer) {
        let values = observation.history.queueDepth.suffix(area.width * 2)
        var top = 0.0
        for value in values where value > top { top = value }
        let scale = NumberText.compact(top)
        BrailleGraph(values: values, style: styles.queueGraph, mode: .area, maximum: max(1, top))
            .render(in: area, buffer: &buffer)
        if area.height >= 2, area.width > scale.count + 2 {
            Label(scale, style: styles.muted, alignment: .right).render(in: area.row(0), buffer: &buffer)
        }
    }

    private func renderHead(in row: Rect, buffer: inout CellBuffer) {
        let snapshot = observation.snapshot
        let head = snapshot.queueHead
        guard !head.isEmpty else {
            Label("head: queue empty", style: styles.muted).render(in: row, buffer: &buffer)
            return
        }
        let label = "head "
        buffer.write(label, x: row.x, y: row.y, style: styles.muted, clip: row)
        let room = max(0, row.width - label.count)
        // Leave room for " +12.3k" when not every waiting task fits.
        let shown = snapshot.queueDepth > head.count || head.count > room ? min(head.count, max(0, room - 7)) : head.count
        var x = row.x + label.count
        for task in head.prefix(shown) {
            let glyph: Character = task.tag.requestID % 2 == 1 ? "▮" : "▯"
            buffer[x, row.y] = Cell(glyph, style: styles.request(task.tag.requestID))
            x += 1
        }
        let hidden = max(snapshot.queueDepth, head.count) - shown
        if hidden > 0 {
            buffer.write(" +" + NumberText.compact(hidden), x: x, y: row.y, style: styles.muted, clip: row)
        }
    }
}
