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
}
