import PoolCore
import TerminalUI

/// The pooltop process as the operating system sees it: CPU, memory, threads and context
/// switches, which is where unbounded mode's cost shows.
struct SystemPanel: Widget {
    var observation: PoolObservation
    var styles: DashboardStyles

    func render(in area: Rect, buffer: inout CellBuffer) {
        let snapshot = observation.snapshot
        let process = snapshot.process
        let detail = [Span("\(snapshot.cores) cores", style: styles.muted)]
        guard let inner = styles.renderPanel("system", detail: detail, group: .process, in: area, buffer: &buffer) else { return }
        if let note = snapshot.systemNote {
            Paragraph(spans: [Span(note, style: styles.muted)]).render(in: inner, buffer: &buffer)
            return
        }
        let cpuShare = snapshot.cores > 0 ? process.cpuPercent / Double(100 * snapshot.cores) : 0
        let cpu = [figure("cpu"), Span(NumberText.fixed(process.cpuPercent, decimals: 0) + "%", style: cpuShare >= 0.9 ? styles.warning : styles.text)]
        let rss = [figure("rss"), Span(NumberText.bytes(process.residentBytes), style: styles.text)]
        let threads = [figure("threads"), Span(NumberText.grouped(process.threads), style: styles.text)]
        let peak = [figure("peak threads"), Span(NumberText.grouped(snapshot.peakThreads), style: styles.text)]
        let switches = [
            figure("ctx sw"), Span(NumberText.compact(Double(process.voluntaryContextSwitches)), style: styles.text),
            Span(" vol ", style: styles.muted), Span(NumberText.compact(Double(process.involuntaryContextSwitches)), style: styles.text),
            Span(" invol", style: styles.muted),
        ]
        var extras: [[Span]] = []
        if snapshot.configuration.mode == .processes || process.childProcesses > 0 {
            extras.append([figure("children"), Span(String(process.childProcesses), style: styles.text)])
        }
        var warnings: [[Span]] = []
        if snapshot.ceilingHit {
            warnings.append([Span("thread ceiling \(NumberText.grouped(snapshot.configuration.ceiling)) hit", style: styles.warning)])
        }
        if inner.height >= 4 + extras.count + warnings.count, inner.width >= 40 {
            // Room for a line each, and a CPU bar at the end of the first.
            let lines = [cpu, rss, threads + [Span("  peak ", style: styles.muted), peak[1]], switches] + extras + warnings
            for (offset, line) in lines.enumerated() {
                LineComposer.draw(line, row: offset, of: inner, buffer: &buffer)
            }
            let gaugeWidth = min(20, inner.width / 3)
            let bar = Rect(x: inner.maxX - gaugeWidth, y: inner.y, width: gaugeWidth, height: 1)
            Gauge(fraction: cpuShare, filledStyle: styles.highlight, emptyStyle: styles.gaugeEmpty, emptyGlyph: "░")
                .render(in: bar, buffer: &buffer)
        } else {
            // Short of room: warnings first, then the figures flowed onto the lines there are.
            let lines = LineComposer.flowed(warnings + [cpu, rss, threads, switches, peak] + extras, separator: Span("  "), width: inner.width)
            for (offset, line) in lines.prefix(inner.height).enumerated() {
                LineComposer.draw(line, row: offset, of: inner, buffer: &buffer)
            }
        }
    }

    private func figure(_ name: String) -> Span {
        Span(name + " ", style: styles.muted)
    }
}
