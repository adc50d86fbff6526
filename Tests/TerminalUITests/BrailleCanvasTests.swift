import Testing
@testable import TerminalUI

/// The canvas under the braille graph and plot: a column filled a cell at a time sets the same
/// dots and owners as the same dots set one by one.
struct BrailleCanvasTests {
    private func rendered(_ canvas: BrailleCanvas) -> [String] {
        var buffer = CellBuffer(width: canvas.columns, height: canvas.rows)
        canvas.render(in: Rect(x: 0, y: 0, width: canvas.columns, height: canvas.rows), buffer: &buffer, blank: .plain) {
            Style(foreground: .indexed(UInt8($0 + 1)))
        }
        return (0..<canvas.rows).map { row in
            (0..<canvas.columns).map { column in
                let cell = buffer[column, row]
                return "\(cell.character)\(cell.style.foreground)"
            }.joined(separator: " ")
        }
    }

    @Test func aColumnFilledAtOnceMatchesItsDotsSetOneByOne() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let columns = Int.random(in: 1...4, using: &generator), rows = Int.random(in: 1...4, using: &generator)
            var byDot = BrailleCanvas(columns: columns, rows: rows)
            var byColumn = byDot
            for owner in 0..<3 {
                let x = Int.random(in: -1...(columns * 2), using: &generator)
                let low = Int.random(in: -2...(rows * 4 + 1), using: &generator)
                let high = Int.random(in: low...(rows * 4 + 2), using: &generator)
                for y in max(0, low)..<max(max(0, low), min(rows * 4, high)) { byDot.set(x: x, y: y, owner: owner) }
                byColumn.setColumn(x: x, from: low, to: high, owner: owner)
            }
            #expect(rendered(byColumn) == rendered(byDot))
        }
    }

    @Test func aFullColumnIsEightDotsHighOverTwoCells() {
        var canvas = BrailleCanvas(columns: 1, rows: 2)
        canvas.setColumn(x: 0, from: 0, to: 8, owner: 0)
        canvas.setColumn(x: 1, from: 0, to: 3, owner: 0)
        #expect(rendered(canvas) == ["⡇\(Color.indexed(1))", "⣷\(Color.indexed(1))"])
    }
    @Test("a canvas drawn partly off the buffer keeps the cells inside where they belong and drops the rest")
    func cellsOffTheBufferAreDropped() {
        var canvas = BrailleCanvas(columns: 3, rows: 2)
        for x in 0..<6 { canvas.setColumn(x: x, from: 0, to: x + 2, owner: x % 2) }
        func drawn(at origin: (x: Int, y: Int)) -> CellBuffer {
            var buffer = CellBuffer(width: 3, height: 2, filler: Cell("·"))
            canvas.render(in: Rect(x: origin.x, y: origin.y, width: 3, height: 2), buffer: &buffer, blank: .plain) {
                Style(foreground: .indexed(UInt8($0 + 1)))
            }
            return buffer
        }
        let whole = drawn(at: (0, 0))
        for shift in [(-1, 0), (0, -1), (2, 1), (-2, 1), (1, -1)] {
            let buffer = drawn(at: shift)
            for row in 0..<2 {
                for column in 0..<3 {
                    let (x, y) = (column - shift.0, row - shift.1)
                    let expected = x >= 0 && x < 3 && y >= 0 && y < 2 ? whole[x, y] : Cell("·")
                    #expect(buffer[column, row] == expected, "at \(column),\(row) shifted by \(shift)")
                }
            }
        }
    }
    @Test func theDotsOfSeveralRowsAreTheirBitsOrEdTogether() {
        for column in 0..<2 {
            for rows in UInt32(0)..<16 {
                let expected = (0..<4).filter { rows & (1 << UInt32($0)) != 0 }
                    .reduce(UInt32(0)) { $0 | BrailleCanvas.dotBit(column: column, row: $1) }
                #expect(BrailleCanvas.dotBits(column: column, rows: rows) == expected, "column \(column), rows \(rows)")
            }
        }
    }
}
