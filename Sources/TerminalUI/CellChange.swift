/// One cell the terminal must redraw: where it is and what to put there.
public struct CellChange: Sendable, Hashable {
    /// The 0-based column of the cell.
    public var column: Int
    /// The 0-based row of the cell.
    public var row: Int
    /// The new content of the cell.
    public var cell: Cell

    /// Creates a change for the cell at (`column`, `row`).
    public init(column: Int, row: Int, cell: Cell) {
        self.column = column
        self.row = row
        self.cell = cell
    }
}
