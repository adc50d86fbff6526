import TerminalUI

/// The `?` overlay: a box over the middle of the screen that says what each panel shows and
/// lists every key. Longer explanations appear when the screen has room for them.
struct HelpOverlay: Widget {
    var styles: DashboardStyles
    /// True while a recording is replayed: the replay's keys show instead of the live ones.
    var isReplay = false
    /// True while a real program is watched: its keys (tab) show too.
    var isAttached = false
    /// True while an adaptive limiter is on: its panel is explained too.
    var showsLimiter = false

    /// Each panel: its name, one short sentence, and a second sentence for big screens.
    static let panels: [(name: String, summary: String, detail: String)] = [
        ("header", "Mode, cap, busy/cap, queue, requests in service, burst progress.",
         "A pending cap change shows as cap 50→53 until the pool takes it."),
        ("slots", "One cell per worker: glyph = state, color = request.",
         "Five cells of one color are one request fanned out; click a cell for details."),
        ("queue", "Tasks waiting for a free worker: depth over time, oldest first.",
         "▮ and ▯ alternate between requests; the queue drains as workers come back."),
        ("throughput", "Tasks and requests finished per second, and how tasks ended.",
         "A bigger cap raises it only while workers wait on I/O, not on CPU."),
        ("lock", "How often tasks wait for the shared lock, and for how long.",
         "With the lock off the counter loses updates: the race made visible."),
        ("latency", "Queue wait, run time and whole-request time as percentiles.",
         "A request takes as long as its slowest task, queue wait included."),
        ("system", "CPU, memory, threads and context switches of this process.",
         "Unbounded mode shows here what a pool protects you from."),
        ("formulas", "L=λW: requests in service = rate × latency, vs the count.",
         "N=cores×(1+W/C): the pool size that keeps every core busy."),
        ("sweep", "s measures throughput and p99 at caps around this one, on a copy.",
         "Enter applies the cap it recommends; the header marks it as rec N."),
        ("limiter", "d: an adaptive limiter moves the cap from the RTT it measures.",
         "Netflix's AIMD, Vegas, Gradient2: limit, in flight and RTT on one graph, ▼ a drop, and the rule that moved it."),
        ("events", "What changed, newest last, stamped with the pool's elapsed time.",
         "Resizes, mode switches, bursts, crashes and refused keys."),
    ]

    /// Every key and what it does: the rows of `KeyBindings.standard` listed in the overlay.
    static func keys(replay: Bool, attached: Bool = false) -> [KeyBinding] {
        KeyBindings.standard.rows(in: .helpOverlay).filter { row in
            switch row.context {
            case .always, .sweepOverlay: return true
            case .live, .lesson, .lessonList: return !replay
            case .replay: return replay
            case .attached: return attached
            }
        }
    }

    /// The columns of a key entry: the key, then the action.
    private static let keyWidth = 6
    private static let entryWidth = 24
    private static let nameWidth = 11

    func render(in area: Rect, buffer: inout CellBuffer) {
        let width = min(area.width - 2, 100)
        let innerWidth = width - 2
        guard innerWidth > HelpOverlay.nameWidth + 10 else { return }
        let keyColumns = max(1, innerWidth / HelpOverlay.entryWidth)
        let keys = HelpOverlay.keys(replay: isReplay, attached: isAttached)
        let keyRows = (keys.count + keyColumns - 1) / keyColumns
        let textWidth = innerWidth - HelpOverlay.nameWidth
        var panels = HelpOverlay.panels.filter { showsLimiter || $0.name != "limiter" }
        // Every key is listed: on a short screen the last panels' lines give way first.
        while panels.count > 1, panels.count + keyRows + 3 > area.height { panels.removeLast() }
        let longTexts = panels.map { Paragraph($0.summary + " " + $0.detail) }
        let longRows = longTexts.reduce(0) { $0 + $1.height(forWidth: textWidth) }
        let fixedRows = keyRows + 1 + 2
        let useLong = longRows + fixedRows <= area.height - 2
        let texts = useLong ? longTexts : panels.map { Paragraph($0.summary, wraps: false) }
        let panelRows = useLong ? longRows : texts.count
        let box = Layout.centered(width: width, height: panelRows + fixedRows, in: area)
        Box(title: [Span("help", style: styles.title)], rightTitle: [Span("esc or ? closes", style: styles.muted)],
            borderStyle: styles.border, fill: styles.overlay).render(in: box, buffer: &buffer)
        let inner = box.inset(by: 1)
        var y = inner.y
        for (entry, text) in zip(panels, texts) where y < inner.maxY {
            Label(entry.name, style: styles.title).render(in: Rect(x: inner.x, y: y, width: HelpOverlay.nameWidth, height: 1), buffer: &buffer)
            var styled = text
            styled.spans = styled.spans.map { Span($0.text, style: styles.text) }
            let rows = useLong ? styled.height(forWidth: textWidth) : 1
            styled.render(in: Rect(x: inner.x + HelpOverlay.nameWidth, y: y, width: textWidth, height: min(rows, inner.maxY - y)), buffer: &buffer)
            y += rows
        }
        y += 1
        for (index, entry) in keys.enumerated() {
            let row = y + index / keyColumns
            guard row < inner.maxY else { break }
            let x = inner.x + (index % keyColumns) * HelpOverlay.entryWidth
            let cell = Rect(x: x, y: row, width: min(HelpOverlay.entryWidth, inner.maxX - x), height: 1)
            LineComposer.draw([
                Span(NumberText.padRight(entry.label, to: HelpOverlay.keyWidth), style: styles.key), Span(entry.help, style: styles.text),
            ], row: 0, of: cell, buffer: &buffer)
        }
    }
}
