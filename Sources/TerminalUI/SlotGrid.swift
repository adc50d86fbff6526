/// Worker slots, one cell each, filling the area row by row; too many slots fold into a heat strip.
///
/// Slots are laid out left to right, wrapping into rows, with `gap` blank columns between them.
/// The blanks after a slot take its foreground (a blank's foreground is invisible, and a terminal
/// then needs no colour change between neighbouring slots of one colour and their gaps).
/// With `labels`, each cell is the glyph, a space and the slot's label (a pid, a thread's name),
/// padded to the longest label.
/// When there are more slots than `capacity(for:)`, each cell instead stands for a run of
/// consecutive slots and shows ` ░▒▓█` by the fraction of that run that is busy:
/// none, under a third, under two thirds, under all, all.
public struct SlotGrid: Widget, Sendable, Hashable {
    /// The slots, in slot order.
    public var slots: [SlotGlyph]
    /// Blank columns between neighbouring slots (0 for none).
    public var gap: Int
    /// The styles of the five heat levels (idle … all busy); missing levels use the last one given.
    public var heatStyles: [Style]
    /// The style of cells without a slot (gaps, with the foreground of the slot before them, and
    /// cells after the last slot).
    public var background: Style
    /// A name per slot, written after its glyph; empty for glyphs alone.
    public var labels: [String]
    /// The style of the labels.
    public var labelStyle: Style

    /// The heat-strip shades, from no busy slot to all busy.
    public static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

    /// Creates a slot grid.
    public init(slots: [SlotGlyph], gap: Int = 0, heatStyles: [Style] = [], background: Style = .plain,
                labels: [String] = [], labelStyle: Style = .plain) {
        self.slots = slots
        self.gap = max(0, gap)
        self.heatStyles = heatStyles
        self.background = background
        self.labels = labels
        self.labelStyle = labelStyle
    }

    // MARK: - Geometry

    /// The columns of one slot's cell: its glyph, then a space and its label when there are labels.
    public var cellWidth: Int {
        let longest = labels.lazy.map(\.count).max() ?? 0
        return longest == 0 ? 1 : 2 + longest
    }

    /// The columns from one slot's cell to the next one's.
    private var pitch: Int { cellWidth + gap }

    /// The number of slots per row in an area `width` columns wide.
    func slotsPerRow(width: Int) -> Int {
        width <= 0 ? 0 : (width + gap) / pitch
    }

    /// How many slots fit in `area` one cell each.
    public func capacity(for area: Rect) -> Int {
        slotsPerRow(width: area.width) * area.height
    }

    /// True when `area` is too small for one cell per slot and the grid draws a heat strip.
    public func isFolded(in area: Rect) -> Bool {
        slots.count > capacity(for: area)
    }

    /// How many consecutive slots each cell stands for: 1 unless folded.
    public func slotsPerCell(in area: Rect) -> Int {
        let capacity = capacity(for: area)
        guard slots.count > capacity, capacity > 0 else { return 1 }
        return (slots.count + capacity - 1) / capacity
    }

    /// The index of the slot drawn at (`column`, `row`) of the screen, or `nil` for a gap, a cell
    /// past the last slot, a point outside `area`, or any point while folded into a heat strip.
    public func slotIndex(atColumn column: Int, row: Int, in area: Rect) -> Int? {
        guard area.contains(column: column, row: row), !isFolded(in: area) else { return nil }
        let offset = column - area.x
        guard offset % pitch < cellWidth, offset / pitch < slotsPerRow(width: area.width) else { return nil }
        let index = (row - area.y) * slotsPerRow(width: area.width) + offset / pitch
        return index < slots.count ? index : nil
    }

    /// The screen cell of slot `index` in `area`, or `nil` when it is not shown on its own.
    public func cellPosition(ofSlot index: Int, in area: Rect) -> (column: Int, row: Int)? {
        guard index >= 0, index < slots.count, !isFolded(in: area) else { return nil }
        let perRow = slotsPerRow(width: area.width)
        return (area.x + (index % perRow) * pitch, area.y + index / perRow)
    }

    // MARK: - Drawing

    /// Draws the slots, or the heat strip when they do not fit.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, with: Cell(" ", style: background))
        let perRow = slotsPerRow(width: area.width)
        guard perRow > 0 else { return }
        let run = slotsPerCell(in: area)
        let pitch = self.pitch      // from the longest label: once, not once a slot
        var cellIndex = 0
        var start = 0
        while start < slots.count {
            let column = area.x + (cellIndex % perRow) * pitch
            let row = area.y + cellIndex / perRow
            if run == 1 {
                let slot = slots[start]
                buffer[column, row] = Cell(slot.character, style: slot.style)
                fillGap(after: column, row: row, pitch: pitch, in: area, foreground: slot.style.foreground, buffer: &buffer)
                if start < labels.count, !labels[start].isEmpty {
                    buffer.write(labels[start], x: column + 2, y: row, style: labelStyle, clip: area)
                }
            } else {
                let end = min(slots.count, start + run)
                var busy = 0
                for slot in slots[start..<end] where slot.isBusy { busy += 1 }
                let level = SlotGrid.heatLevel(busy: busy, of: end - start)
                let style = heatStyle(level)
                buffer[column, row] = Cell(SlotGrid.shades[level], style: style)
                fillGap(after: column, row: row, pitch: pitch, in: area, foreground: style.foreground, buffer: &buffer)
            }
            start += run
            cellIndex += 1
        }
    }

    /// Paints the blanks after the cell at `column`, up to the next cell `pitch` columns on, in the
    /// background with `foreground`, unless the background's attributes would show it (underline,
    /// reverse).
    private func fillGap(after column: Int, row: Int, pitch: Int, in area: Rect, foreground: Color, buffer: inout CellBuffer) {
        guard pitch > 1, background.attributes.isDisjoint(with: [.underline, .reverse]) else { return }
        var style = background
        style.foreground = foreground
        buffer.fill(Rect(x: column + 1, y: row, width: pitch - 1, height: 1).intersection(area), with: Cell(" ", style: style))
    }

    /// The heat level 0…4 of `busy` busy slots out of `count`.
    static func heatLevel(busy: Int, of count: Int) -> Int {
        guard busy > 0, count > 0 else { return 0 }
        if busy >= count { return 4 }
        return 1 + (busy * 3) / count
    }

    private func heatStyle(_ level: Int) -> Style {
        guard let last = heatStyles.last else { return background }
        return level < heatStyles.count ? heatStyles[level] : last
    }
}
