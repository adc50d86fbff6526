import PoolCore
import TerminalUI

/// The worker slots: one cell per slot, its glyph telling the state and its color the request;
/// a heat strip when the slots do not fit; a legend; and what the clicked slot runs (its cell
/// drawn in the selection style).
struct SlotsPanel: Widget {
    var observation: PoolObservation
    var selectedSlot: Int?
    var styles: DashboardStyles

    // MARK: - Geometry (shared with mouse hit-testing)

    /// Where the grid goes inside a panel drawn in `panel`.
    static func gridArea(in panel: Rect) -> Rect {
        let inner = panel.inset(by: 1)
        let legendLines = legendLines(width: inner.width).count
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - legendLines - 1)
    }

    /// The grid `glyphs` are drawn in within `area`: named slots with their names when they fit,
    /// two columns apart, then one; bare glyphs one column apart; bare glyphs side by side, or
    /// folded into a heat strip.
    static func grid(of glyphs: [SlotGlyph], names: SlotNames, in area: Rect, styles: DashboardStyles? = nil) -> SlotGrid {
        var grid = SlotGrid(slots: glyphs, gap: 1, heatStyles: styles?.heat ?? [], background: styles?.text ?? .plain,
                            labelStyle: styles?.muted ?? .plain)
        if !names.labels.isEmpty {
            for gap in [2, 1] {
                grid.labels = names.labels
                grid.gap = gap
                if !grid.isFolded(in: area) { return grid }
            }
            grid.labels = []
            grid.gap = 1
        }
        if grid.isFolded(in: area) { grid.gap = 0 }
        return grid
    }

    /// The rows a panel `width` columns wide wants to show `slots` spaced out (named when named).
    static func preferredHeight(width: Int, slots: [SlotState]) -> Int {
        let inner = max(1, width - 2)
        let names = SlotNames(slots)
        let cell = SlotGrid(slots: [], labels: names.labels).cellWidth
        let gap = names.labels.isEmpty ? 1 : 2
        let perRow = max(1, (inner + gap) / (cell + gap))
        let gridRows = max(1, (slots.count + perRow - 1) / perRow)
        return gridRows + legendLines(width: inner).count + 1 + 2
    }

    /// The slot drawn at a screen cell of a panel drawn in `panel`, or nil.
    static func slotIndex(atColumn column: Int, row: Int, in panel: Rect, slots: [SlotState]) -> Int? {
        let area = gridArea(in: panel)
        let grid = grid(of: Array(repeating: SlotGlyph(" "), count: slots.count), names: SlotNames(slots), in: area)
        return grid.slotIndex(atColumn: column, row: row, in: area)
    }

    /// How many slots there are: the cap, or `50 → 40` while workers above it (or of the previous
    /// mode) finish their tasks and leave. A source whose slots are not the cap's shows their count.
    static func count(_ slots: [SlotState], cap: Int) -> String {
        let leaving = slots.count(where: \.isRetiring)
        guard leaving > 0, slots.count > cap else { return String(slots.count) }
        return "\(slots.count) → \(cap)"
    }

    /// The legend, flowed into lines `width` columns wide (unstyled: only the widths matter here).
    private static func legendLines(width: Int) -> [[Span]] {
        LineComposer.flowed(SlotGlyphs.legend.map { [Span("\($0.glyph) \($0.label)")] }, separator: " ", width: width)
    }

    // MARK: - Drawing

    func render(in area: Rect, buffer: inout CellBuffer) {
        let snapshot = observation.snapshot
        let slots = snapshot.slots
        let gridArea = SlotsPanel.gridArea(in: area)
        let names = SlotNames(slots)
        var glyphs: [SlotGlyph] = []
        glyphs.reserveCapacity(slots.count)
        var running = 0, idle = 0
        for slot in slots {
            glyphs.append(SlotGlyphs.glyph(for: slot, styles: styles))
            if slot.isRunningTask { running += 1 } else if slot.phase == .idle { idle += 1 }
        }
        let grid = SlotsPanel.grid(of: glyphs, names: names, in: gridArea, styles: styles)
        let folded = grid.isFolded(in: gridArea)
        var detail = folded
            ? "1 cell = \(grid.slotsPerCell(in: gridArea)) slots"
            : "\(running) running · \(idle) idle"
        let title = (names.labels.isEmpty ? "slots " : "workers ") + SlotsPanel.count(slots, cap: snapshot.configuration.cap)
        let named = names.sharedPrefix + "… · " + detail
        if !grid.labels.isEmpty, !names.sharedPrefix.isEmpty, title.count + named.count + 10 <= area.width { detail = named }
        styles.box(title, detail: [Span(detail, style: styles.muted)], group: .pool).render(in: area, buffer: &buffer)
        grid.render(in: gridArea, buffer: &buffer)
        if let selectedSlot, !folded, let position = grid.cellPosition(ofSlot: selectedSlot, in: gridArea) {
            buffer[position.column, position.row].style = styles.selection
        }
        let inner = area.inset(by: 1)
        let legendTop = gridArea.maxY - inner.y
        let legend = folded ? heatLegend(width: inner.width) : glyphLegend(width: inner.width)
        for (offset, line) in legend.enumerated() {
            LineComposer.draw(line, row: legendTop + offset, of: inner, buffer: &buffer)
        }
        LineComposer.draw(details(width: inner.width), row: inner.height - 1, of: inner, buffer: &buffer)
    }

    private func glyphLegend(width: Int) -> [[Span]] {
        let pieces = SlotGlyphs.legend.map { entry -> [Span] in
            let glyphStyle: Style
            switch entry.glyph {
            case "·": glyphStyle = styles.idleSlot
            case "↑": glyphStyle = styles.startingSlot
            case "↓": glyphStyle = styles.retiringSlot
            case "✗": glyphStyle = styles.crashedSlot
            case "◌": glyphStyle = styles.lockWaitSlot
            case "◆": glyphStyle = styles.lockHoldSlot
            default: glyphStyle = styles.request(1)
            }
            return [Span(String(entry.glyph), style: glyphStyle), Span(" " + entry.label, style: styles.muted)]
        }
        return LineComposer.flowed(pieces, separator: " ", width: width)
    }

    private func heatLegend(width: Int) -> [[Span]] {
        var pieces: [[Span]] = [[Span("busy share per cell:", style: styles.muted)]]
        let labels = ["none", "<⅓", "<⅔", "<all", "all"]
        for (level, label) in labels.enumerated() {
            let style = styles.heat.isEmpty ? styles.text : styles.heat[min(level, styles.heat.count - 1)]
            pieces.append([Span(String(SlotGrid.shades[level]), style: style), Span(" " + label, style: styles.muted)])
        }
        let lines = LineComposer.flowed(pieces, separator: " ", width: width)
        return Array(lines.prefix(SlotsPanel.legendLines(width: width).count))
    }

    /// The line about the clicked slot (numbered from 0, like the snapshot's slots), or a hint.
    private func details(width: Int) -> [Span] {
        guard let index = selectedSlot else {
            return [Span("click a slot to see what it runs", style: styles.muted)]
        }
        let slots = observation.snapshot.slots
        guard index < slots.count else {
            return [Span("slot \(index) is gone (\(slots.count) slots now)", style: styles.muted)]
        }
        let slot = slots[index]
        let name = slot.worker.map { SlotNames.isProcessID($0) ? "pid \($0)" : $0 }
        var pieces: [LineComposer.Piece] = [.init([
            Span(name.map { $0 + " " } ?? "slot \(index) ", style: styles.highlight),
            Span(String(SlotGlyphs.character(for: slot)), style: SlotGlyphs.glyph(for: slot, styles: styles).style),
            Span(" " + SlotGlyphs.name(of: slot), style: styles.text),
        ], priority: 10)]
        if slot.isRunningTask, slot.requestID > 0, observation.snapshot.sourceTitle != nil {
            // A watched program's tasks come from its calls (`submit`, a chunk of `map`).
            pieces.append(.init([Span("call #\(slot.requestID)", style: styles.request(slot.requestID))], priority: 9))
        } else if slot.isRunningTask, slot.requestID > 0 {
            pieces.append(.init([Span("req #\(slot.requestID)", style: styles.request(slot.requestID))], priority: 9))
            var task = "task \(slot.taskIndex + 1)"
            if let fanout = observation.snapshot.workload?.fanout { task += "/\(fanout)" }
            pieces.append(.init([Span(task, style: styles.text)], priority: 7))
        }
        if let duration = observation.duration(ofSlot: index) {
            let text = duration == 0 ? "just now" : DurationText.format(nanoseconds: duration)
            pieces.append(.init([Span(text, style: styles.muted)], priority: 8))
        }
        return LineComposer.fitted(pieces, separator: Span(" · ", style: styles.muted), width: width)
    }
}
