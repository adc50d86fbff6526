/// A screen's worth of cells in memory: what every widget draws into and what the backend copies
/// to the terminal.
///
/// Writes outside the buffer, or outside the clip rectangle a widget passes, are dropped, so a
/// widget can never draw outside the area it was given.
public struct CellBuffer: Sendable, Equatable {
    /// The number of columns.
    public let width: Int
    /// The number of rows.
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// Creates a buffer of blank cells.
    public init(width: Int, height: Int, filler: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: filler, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`column`, `row`); reading outside gives a blank cell, writing outside is dropped.
    public subscript(column: Int, row: Int) -> Cell {
        get {
            guard column >= 0, column < width, row >= 0, row < height else { return .blank }
            return cells[row * width + column]
        }
        set {
            guard column >= 0, column < width, row >= 0, row < height else { return }
            // A right half written here belongs to the character to its left: only the right edge is cut.
            detachWideHalves(row: row, from: column, to: column + 1, cuttingLeft: !newValue.isContinuation)
            cells[row * width + column] = newValue
        }
    }

    // MARK: - Drawing

    /// Fills `rect` (clipped to the buffer) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        updateCells(in: rect, detachingWideHalves: true) { $0 = cell }
    }

    /// Sets the style of every cell in `rect`, keeping the characters.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        updateCells(in: rect, detachingWideHalves: false) { $0.style = style }
    }

    /// Calls `body` with the cells, row-major (`row * width + column`), for widgets that write a
    /// whole area cell by cell: one uniqueness check for the area instead of one a cell.
    mutating func withCells<Result>(_ body: (UnsafeMutableBufferPointer<Cell>) -> Result) -> Result {
        cells.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Applies `body` to every cell of `rect` clipped to the buffer, row by row.
    /// With `detachingWideHalves`, a wide character cut by the area's edges becomes a space first.
    private mutating func updateCells(in rect: Rect, detachingWideHalves detaching: Bool, _ body: (inout Cell) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            if detaching { detachWideHalves(row: row, from: area.x, to: area.maxX) }
            let start = row * width + area.x
            for index in start..<(start + area.width) { body(&cells[index]) }
        }
    }

    /// Before cells `x..<maxX` of `row` are written over: a wide character cut by either edge
    /// becomes a space in its style, so that no half of one is left without the other (the lead
    /// would draw over a cell it no longer owns; a continuation would hide what was written there).
    private mutating func detachWideHalves(row: Int, from x: Int, to maxX: Int, cuttingLeft: Bool = true) {
        let start = row * width
        if cuttingLeft, x > 0, x < width, cells[start + x].isContinuation {
            cells[start + x - 1] = Cell(scalar: " ", style: cells[start + x - 1].style)
        }
        if maxX > 0, maxX < width, cells[start + maxX].isContinuation {
            cells[start + maxX] = Cell(scalar: " ", style: cells[start + maxX].style)
        }
    }

    /// Writes `text` starting at (`x`, `y`) in `style`, clipped to `clip` and to the buffer.
    ///
    /// A style without a background of its own (`.default`) keeps the background of the cells it
    /// writes over, so text on a panel filled with a theme's background stays on it (no cell falls
    /// back to the terminal's own background). Wide characters take two cells; one that would straddle the right edge of the clip is
    /// replaced by a space. Characters of width 0 are skipped.
    /// - Returns: the column just after the last character written (or clipped away).
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil)
        -> Int
    {
        let area = (clip ?? bounds).intersection(bounds)
        var column = x
        guard y >= area.y, y < area.maxY else { return x + DisplayWidth.of(String(text)) }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Plain ASCII, most of a dashboard's text: one byte, one column, no grapheme breaking.
            for byte in text.utf8 where byte >= 0x20 && byte != 0x7F {
                if column >= area.x, column < area.maxX { self[column, y] = Cell(scalar: Unicode.Scalar(byte), style: over(column, y, style)) }
                column += 1
            }
            return column
        }
        for character in text {
            let style = over(column, y, style)
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column >= area.maxX { column += w; continue }
            if column >= area.x {
                if w == 2 {
                    if column + 1 < area.maxX {
                        self[column, y] = Cell(character, style: style)
                        self[column + 1, y] = Cell(" ", style: style, isContinuation: true)
                    } else {
                        self[column, y] = Cell(" ", style: style)
                    }
                } else {
                    self[column, y] = Cell(character, style: style)
                }
            } else if w == 2, column + 1 == area.x {
                self[area.x, y] = Cell(" ", style: style)
            }
            column += w
        }
        return column
    }

    /// `style` as written over the cell at (`column`, `row`): with that cell's background when
    /// `style` has none of its own.
    private func over(_ column: Int, _ row: Int, _ style: Style) -> Style {
        guard style.background == .default, column >= 0, column < width, row >= 0, row < height else { return style }
        var style = style
        style.background = cells[row * width + column].style.background
        return style
    }

    // MARK: - Reading back

    /// The characters of each row, continuation cells skipped, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { line($0) }
    }

    /// The characters of row `row`, continuation cells skipped.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var text = ""
        text.reserveCapacity(width)
        for index in (row * width)..<((row + 1) * width) where !cells[index].isContinuation {
            text.append(cells[index].character)
        }
        return text
    }
}
