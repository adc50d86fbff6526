import PoolCore
import Sizing
import TerminalUI

/// The adaptive limiter at work, while one is on: the limit, the tasks in flight and the RTT
/// (with what the algorithm compares it with) over time on one graph, drops marked `▼` above
/// their moment, and the rule it last followed in one sentence.
///
/// The counts (limit, in flight) share the graph's scale; the RTTs are drawn on a scale of their
/// own, named at the top right ("rtt 21ms").
struct LimiterPanel: Widget {
    var observation: PoolObservation
    var styles: DashboardStyles

    /// How long a decision that moved the cap stays the sentence shown, in nanoseconds of pool
    /// time, before the newest decision (usually "holding") replaces it.
    static let changeShownNanos: UInt64 = 2_000_000_000

    func render(in area: Rect, buffer: inout CellBuffer) {
        guard let status = observation.snapshot.limiter else { return }
        let detail = [Span("cap \(status.cap) · \(status.settings.minimum)…\(status.settings.maximum)", style: styles.muted)]
        guard let inner = styles.renderPanel("limiter " + status.settings.algorithm.rawValue, detail: detail, group: .flow,
                                             in: area, buffer: &buffer) else { return }
        LineComposer.draw(LineComposer.fitted(legend(status), separator: Span("  "), width: inner.width), row: 0, of: inner, buffer: &buffer)
        // The sentence takes two rows when it needs them and the graph keeps at least three.
        let sentence = Paragraph(sentence(status), style: styles.text)
        let sentenceRows = min(sentence.height(forWidth: inner.width), inner.height >= 6 ? 2 : 1)
        if inner.height > sentenceRows + 1 {
            renderGraph(status, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1 - sentenceRows), buffer: &buffer)
        }
        if inner.height >= 2 {
            sentence.render(in: Rect(x: inner.x, y: inner.maxY - sentenceRows, width: inner.width, height: sentenceRows), buffer: &buffer)
        }
    }

    /// The figures now, each in its series' style so the line is the graph's legend.
    private func legend(_ status: LimiterStatus) -> [LineComposer.Piece] {
        var pieces: [LineComposer.Piece] = [
            .init([Span("limit ", style: styles.muted), Span(LimitDecision.limitText(status.limit), style: styles.highlight)], priority: 9),
            .init([Span("in flight ", style: styles.muted), Span(String(observation.snapshot.busy), style: styles.tasksGraph)], priority: 8),
            .init([Span("rtt ", style: styles.muted),
                   Span(status.rttNanos > 0 ? DurationText.format(nanoseconds: UInt64(status.rttNanos)) : "–", style: styles.lockGraph)], priority: 7),
        ]
        if let reference = status.referenceRttNanos {
            pieces.append(.init([Span(Self.referenceName(status.settings.algorithm) + " ", style: styles.muted),
                                 Span(DurationText.format(nanoseconds: UInt64(reference)), style: styles.queueGraph)], priority: 5))
        }
        pieces.append(.init([Span("drops ", style: styles.muted),
                             Span(NumberText.grouped(status.drops), style: status.drops > 0 ? styles.error : styles.text)], priority: 6))
        pieces.append(.init([Span("moved \(status.changes)×", style: styles.muted)], priority: 3))
        return pieces
    }

    /// What the algorithm calls the RTT it compares with.
    static func referenceName(_ algorithm: LimitAlgorithm) -> String {
        switch algorithm {
        case .vegas: return "no-load"
        case .gradient2: return "long"
        case .aimd, .fixed: return "timeout"
        }
    }

    /// The rule behind the latest move of the cap while it is recent, else the newest rule.
    private func sentence(_ status: LimiterStatus) -> String {
        let now = observation.snapshot.elapsedNanos
        if let change = status.lastChange, let at = status.lastChangeNanos, now &- at < Self.changeShownNanos {
            return change.sentence
        }
        return status.decision?.sentence ?? "waiting for the first task to finish"
    }

    private func renderGraph(_ status: LimiterStatus, in area: Rect, buffer: inout CellBuffer) {
        let history = observation.history
        let columns = area.width * 2
        let limits = history.limit.suffix(columns), inFlight = history.limitInFlight.suffix(columns)
        let top = max(1, (limits + inFlight).max() ?? 1)
        // AIMD's timeout (5 s) would flatten the RTT line: its reference is left off the graph.
        let showsReference = status.settings.algorithm != .aimd
        let rtts = history.limitRttMillis.suffix(columns)
        let references = showsReference ? history.limitReferenceMillis.suffix(columns) : []
        let rttTop = max(0.001, (rtts + references).max() ?? 0) * 1.1
        let scaled = { (values: [Double]) in values.map { $0 / rttTop * top } }
        var series = [
            BrailleGraph.Series(values: inFlight, style: styles.tasksGraph, mode: .area),
            BrailleGraph.Series(values: scaled(rtts), style: styles.lockGraph, mode: .line),
        ]
        if showsReference { series.append(BrailleGraph.Series(values: scaled(references), style: styles.queueGraph, mode: .line)) }
        series.append(BrailleGraph.Series(values: limits, style: styles.highlight, mode: .line))
        BrailleGraph(series: series, maximum: top).render(in: area, buffer: &buffer)
        // A drop marks the cell column its sample falls in (samples are dot columns, newest at the
        // right edge, as the graph draws them).
        let drops = history.limitDrops.suffix(columns)
        for (index, count) in drops.enumerated() where count > 0 {
            buffer[area.x + (columns - drops.count + index) / 2, area.y] = Cell("▼", style: styles.error)
        }
        let scale = NumberText.compact(top) + " │ rtt " + DurationText.format(nanoseconds: UInt64(rttTop * 1e6))
        if area.height >= 2, area.width > scale.count + 4 {
            Label(scale, style: styles.muted, alignment: .right).render(in: area.row(area.height - 1), buffer: &buffer)
        }
    }
}
