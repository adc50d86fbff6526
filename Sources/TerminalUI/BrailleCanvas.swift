/// A grid of braille dots over an area of cells, 2 × 4 dots a cell, that remembers which series
/// set each cell's latest dot: what `BrailleGraph` and `BraillePlot` draw into.
///
/// Dots are addressed from the bottom-left corner: `x` is the dot column (0 at the left), `y`
/// the dot row (0 at the bottom). Dots outside the grid are ignored.
struct BrailleCanvas: Sendable {
    /// The cells across and down.
    let columns: Int
    let rows: Int
    /// The braille dot bits of each cell, row by row.
    private var bits: [UInt32]
    /// The series that set each cell's latest dot, -1 for none.
    private var owners: [Int]

    /// Creates an empty grid of `columns` × `rows` cells.
    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = [UInt32](repeating: 0, count: self.columns * self.rows)
        owners = [Int](repeating: -1, count: self.columns * self.rows)
    }

    /// The dot columns across.
    var dotColumns: Int { columns * 2 }
    /// The dot rows down.
    var dotRows: Int { rows * 4 }

    /// The bit of a braille cell for dot column 0–1 and dot row 0–3 from the top.
    @inline(__always)
    static func dotBit(column: Int, row: Int) -> UInt32 {
        // Left column: dots 1, 2, 3, 7; right column: dots 4, 5, 6, 8.
        row == 3 ? (column == 0 ? 0x40 : 0x80) : (column == 0 ? 0x01 : 0x08) << UInt32(row)
    }

    /// The dots of one side of a cell (`column` 0 or 1) in the rows whose bits `rows` has set
    /// (bit 0 the top row): the same as `dotBit` for each such row, or-ed together.
    @inline(__always)
    static func dotBits(column: Int, rows: UInt32) -> UInt32 {
        column == 0 ? (rows & 0x7) | ((rows & 0x8) << 3) : ((rows & 0x7) << 3) | ((rows & 0x8) << 4)
    }

    /// The index of the cell holding dot (`x`, `y`), or nil when the dot is outside the grid.
    func cellIndex(x: Int, y: Int) -> Int? {
        guard x >= 0, x < dotColumns, y >= 0, y < dotRows else { return nil }
        return (dotRows - 1 - y) / 4 * columns + x / 2
    }

    /// Sets the dot (`x`, `y`) and makes `owner` the owner of its cell.
    mutating func set(x: Int, y: Int, owner: Int) {
        guard let cell = cellIndex(x: x, y: y) else { return }
        let fromTop = dotRows - 1 - y
        bits[cell] |= BrailleCanvas.dotBit(column: x % 2, row: fromTop % 4)
        owners[cell] = owner
    }

    /// Sets the dots `low..<high` (dot rows from the bottom, clipped to the grid) of dot column `x`
    /// and makes `owner` the owner of their cells: what `set(x:y:owner:)` does for each of them, a
    /// cell at a time.
    mutating func setColumn(x: Int, from low: Int, to high: Int, owner: Int) {
        let low = max(0, low), high = min(dotRows, high)
        guard x >= 0, x < dotColumns, low < high else { return }
        let side = x % 2
        var y = low
        while y < high {
            let cellRow = (dotRows - 1 - y) / 4
            // The dots of this cell from `y` up to its top one (or to `high`).
            let end = min(high, dotRows - cellRow * 4)
            // Rows counted from the cell's top: `end - 1` is the highest dot, `y` the lowest.
            let first = (dotRows - end) % 4, last = (dotRows - 1 - y) % 4
            let rowBits = (UInt32(1) << UInt32(last + 1)) - (UInt32(1) << UInt32(first))
            let mask = BrailleCanvas.dotBits(column: side, rows: rowBits)
            let cell = cellRow * columns + x / 2
            bits[cell] |= mask
            owners[cell] = owner
            y = end
        }
    }

    /// Sets the dots of a straight line from `from` to `to`, both ends included (Bresenham).
    mutating func line(from: (x: Int, y: Int), to: (x: Int, y: Int), owner: Int) {
        var x = from.x, y = from.y
        let dx = abs(to.x - x), dy = -abs(to.y - y)
        let sx = x < to.x ? 1 : -1, sy = y < to.y ? 1 : -1
        var error = dx + dy
        while true {
            set(x: x, y: y, owner: owner)
            if x == to.x && y == to.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// Draws the grid into `area` (of the grid's size): each cell with dots as its braille
    /// character in the style `style(owner)` gives (asked once for each run of cells of one
    /// owner); each cell without in `blank`, or left as it was when `blank` is nil. Cells outside
    /// the buffer are dropped.
    func render(in area: Rect, buffer: inout CellBuffer, blank: Style? = nil, style: (Int) -> Style) {
        let width = buffer.width, height = buffer.height
        // Owners come in long runs (a series' area): ask `style` again only when the owner changes.
        var lastOwner = Int.min, lastStyle = Style.plain
        buffer.withCells { cells in
            for row in 0..<rows {
                let y = area.y + row
                guard y >= 0, y < height else { continue }
                for column in 0..<columns {
                    let x = area.x + column
                    guard x >= 0, x < width else { continue }
                    let index = row * columns + column
                    if bits[index] != 0 {
                        let owner = owners[index]
                        if owner != lastOwner { (lastOwner, lastStyle) = (owner, style(owner)) }
                        cells[y * width + x] = Cell(scalar: Unicode.Scalar(0x2800 + bits[index])!, style: lastStyle)
                    } else if let blank {
                        cells[y * width + x] = Cell(scalar: " ", style: blank)
                    }
                }
            }
        }
    }
}
