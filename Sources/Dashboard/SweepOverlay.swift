import PoolCore
import TerminalUI

/// The `s` overlay: a box over the panels with the quick sweep's progress while it runs, its
/// curve (throughput and p99 against the cap, the fitted USL curve), and once it is done the
/// recommended cap with why, next to Goetz's rule.
struct SweepOverlay: Widget {
    var panel: SweepPanel
    /// The cap the pool has now (or is about to have).
    var currentCap: Int
    var styles: DashboardStyles

    /// Rows the chart keeps before any sentence is dropped.
    static let minimumChartRows = 8

    func render(in area: Rect, buffer: inout CellBuffer) {
        let box = Layout.centered(width: min(area.width - 2, 110), height: min(area.height, 34), in: area)
        guard box.width >= 30, box.height >= SweepChart.minimumHeight + 3 else { return }
        let keys = panel.result != nil ? "enter applies · esc closes" : "esc closes"
        Box(title: [Span("pool-size sweep", style: styles.title)], rightTitle: [Span(keys, style: styles.muted)],
            borderStyle: styles.border, fill: styles.overlay).render(in: box, buffer: &buffer)
        let inner = box.inset(by: 1)
        renderStatus(in: inner.row(0), buffer: &buffer)
        var paragraphs: [Paragraph] = []
        var textRows = 0
        if let result = panel.result, !panel.isRunning {
            for paragraph in SweepSentences.paragraphs(for: result, styles: styles) {
                let rows = paragraph.height(forWidth: inner.width)
                guard inner.height - 1 - textRows - rows >= SweepOverlay.minimumChartRows else { break }
                paragraphs.append(paragraph)
                textRows += rows
            }
        }
        let chartArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1 - textRows)
        chart.render(in: chartArea, buffer: &buffer)
        var y = chartArea.maxY
        for paragraph in paragraphs {
            let rows = paragraph.height(forWidth: inner.width)
            paragraph.render(in: Rect(x: inner.x, y: y, width: inner.width, height: rows), buffer: &buffer)
            y += rows
        }
    }

    /// The chart of the running sweep's points so far, or of the last result.
    private var chart: SweepChart {
        if let progress = panel.progress {
            return SweepChart(caps: progress.caps, points: progress.points, fit: nil, recommendedCap: nil, styles: styles)
        }
        let result = panel.result
        return SweepChart(caps: result?.points.map(\.cap) ?? [], points: result?.points ?? [], fit: result?.fit,
                          recommendedCap: result?.recommendation.cap, styles: styles)
    }

    /// The first row: a progress bar while running, the outcome once done.
    private func renderStatus(in row: Rect, buffer: inout CellBuffer) {
        if let progress = panel.progress {
            let gaugeWidth = min(20, row.width / 3)
            Gauge(fraction: progress.fraction, filledStyle: styles.gaugeFilled, emptyStyle: styles.gaugeEmpty, emptyGlyph: "░")
                .render(in: Rect(x: row.x, y: row.y, width: gaugeWidth, height: 1), buffer: &buffer)
            LineComposer.draw([
                Span(" " + NumberText.percent(progress.fraction) + " ", style: styles.highlight),
                Span("measuring \(progress.detail) on a copy of the scenario", style: styles.muted),
            ], row: 0, of: Rect(x: row.x + gaugeWidth, y: row.y, width: row.width - gaugeWidth, height: 1), buffer: &buffer)
            return
        }
        guard let result = panel.result else {
            LineComposer.draw([Span("no sweep has run yet", style: styles.muted)], row: 0, of: row, buffer: &buffer)
            return
        }
        let cap = result.recommendation.cap
        var spans = [Span("recommended cap ", style: styles.muted), Span(String(cap), style: styles.ok)]
        spans.append(cap == currentCap
            ? Span(" (the pool has it)", style: styles.muted)
            : Span(" · the pool has \(currentCap) · enter applies \(cap)", style: styles.muted))
        spans.append(Span(" · \(result.conditions.workload)", style: styles.muted))
        LineComposer.draw(spans, row: 0, of: row, buffer: &buffer)
    }
}
