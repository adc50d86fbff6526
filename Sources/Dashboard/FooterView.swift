import TerminalUI

/// The footer: every key, abbreviated as much as the width needs, and the last command sent on
/// the right; the PAUSED banner instead while paused, and how to close the help while it shows.
struct FooterView: Widget {
    var isPaused: Bool
    var isHelpVisible: Bool
    var snapshotsWhilePaused: Int
    var commandEcho: String?
    /// True while the sweep overlay shows: the footer then says how to apply and close it.
    var isSweepVisible = false
    /// The cap Enter would apply while the sweep overlay shows, once a sweep has finished.
    var sweepRecommendedCap: Int?
    /// True while a recording is replayed: the footer lists the replay's keys.
    var isReplay = false
    /// The key rows to list (outside a replay).
    var rows = KeyBindings.standard.footerRows
    /// A line for the right end while no command echo shows.
    var note: String?
    var styles: DashboardStyles

    func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        if isPaused {
            buffer.fill(area, with: Cell(" ", style: styles.banner))
            let samples = snapshotsWhilePaused == 1 ? "1 new sample" : "\(snapshotsWhilePaused) new samples"
            let text = "❚❚ PAUSED: pool still running, screen frozen · \(samples) · space resumes"
            Label(text, style: styles.banner, alignment: .center, overflow: .ellipsis).render(in: area, buffer: &buffer)
            return
        }
        buffer.fill(area, with: Cell(" ", style: styles.text))
        if isHelpVisible {
            LineComposer.draw([Span("esc", style: styles.key), Span(" or ", style: styles.muted), Span("?", style: styles.key),
                               Span(" closes the help · q quits", style: styles.muted)], row: 0, of: area, buffer: &buffer)
            return
        }
        if isSweepVisible {
            var spans: [Span] = []
            if let cap = sweepRecommendedCap {
                spans += [Span("enter", style: styles.key), Span(" or ", style: styles.muted), Span("A", style: styles.key),
                          Span(" applies cap \(cap) · ", style: styles.muted)]
            }
            spans += [Span("esc", style: styles.key), Span(" or ", style: styles.muted), Span("s", style: styles.key),
                      Span(" closes the sweep · q quits", style: styles.muted)]
            LineComposer.draw(spans, row: 0, of: area, buffer: &buffer)
            return
        }
        // A note (where a watched program's output goes) takes its room first: the keys then
        // take their shorter forms.
        let noteRoom = commandEcho == nil ? note.map { LineComposer.width(of: [Span($0)]) + 2 } ?? 0 : 0
        let keys = isReplay ? replayKeyLine(width: area.width) : keyLine(width: max(area.width / 2, area.width - noteRoom))
        LineComposer.draw(keys, row: 0, of: area, buffer: &buffer)
        let right = commandEcho.map { [Span("» " + $0, style: styles.highlight)] } ?? note.map { [Span($0, style: styles.muted)] }
        if let right, LineComposer.width(of: right) <= area.width - LineComposer.width(of: keys) - 2 {
            LineComposer.draw(right, row: 0, of: area, buffer: &buffer, alignment: .right)
        }
    }

    /// The replay's keys with their words, two spaces apart or one, or the bare keys.
    private func replayKeyLine(width: Int) -> [Span] {
        let rows = KeyBindings.standard.replayFooterRows
        for separator in ["  ", " "] {
            let line = LineComposer.joined(rows.map { [Span($0.label, style: styles.key), Span(" " + ($0.footer ?? ""), style: styles.muted)] },
                                           separator: Span(separator))
            if LineComposer.width(of: line) <= width { return line }
        }
        return LineComposer.joined(rows.map { [Span($0.label, style: styles.key)] }, separator: Span(" "))
    }

    /// The longest form of the key list that fits `width`: each key and its word; the compact
    /// forms (key run into its word) two spaces apart, then one; the bare keys.
    private func keyLine(width: Int) -> [Span] {
        let long = LineComposer.joined(rows.map { [Span($0.label, style: styles.key), Span(" " + ($0.footer ?? ""), style: styles.muted)] },
                                       separator: Span("  "))
        if LineComposer.width(of: long) <= width { return long }
        let compact = rows.compactMap(\.compact)
        let words = compact.map { [Span($0.key, style: styles.key), Span($0.rest, style: styles.muted)] }
        let spaced = LineComposer.joined(words, separator: Span("  "))
        if LineComposer.width(of: spaced) <= width { return spaced }
        let short = LineComposer.joined(words, separator: Span(" "))
        if LineComposer.width(of: short) <= width { return short }
        return LineComposer.joined(compact.map { [Span($0.key, style: styles.key)] }, separator: Span(" "))
    }
}
