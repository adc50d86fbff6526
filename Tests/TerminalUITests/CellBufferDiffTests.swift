import Testing

@testable import TerminalUI

@Suite("CellBuffer diff")
struct CellBufferDiffTests {
    @Test func identicalBuffersHaveNoChanges() {
        var buffer = CellBuffer(width: 4, height: 2)
        buffer.write("ab", x: 0, y: 0)
        #expect(buffer.changes(to: buffer).isEmpty)
    }

    @Test func onlyChangedCellsAreListedInRowOrder() {
        let before = CellBuffer(width: 4, height: 2)
        var after = before
        after.write("x", x: 3, y: 1)
        after.write("y", x: 1, y: 0)
        after.setStyle(Style(attributes: .bold), in: Rect(x: 0, y: 1, width: 1, height: 1))
        #expect(
            before.changes(to: after) == [
                CellChange(column: 1, row: 0, cell: Cell("y")),
                CellChange(column: 0, row: 1, cell: Cell(" ", style: Style(attributes: .bold))),
                CellChange(column: 3, row: 1, cell: Cell("x")),
            ]
        )
    }

    @Test func continuationCellsAreNeverListed() {
        let before = CellBuffer(width: 4, height: 1)
        var after = before
        after.write("漢", x: 1, y: 0)
        #expect(before.changes(to: after) == [CellChange(column: 1, row: 0, cell: Cell("漢"))])
        // Replacing the wide character with two narrow ones lists both cells.
        var narrow = after
        narrow.write("ab", x: 1, y: 0)
        #expect(after.changes(to: narrow).map(\.column) == [1, 2])
    }

    @Test func aDifferentSizeListsEveryCellOfTheNewBuffer() {
        let before = CellBuffer(width: 2, height: 2)
        let after = CellBuffer(width: 3, height: 1)
        let changes = before.changes(to: after)
        #expect(changes.map { [$0.column, $0.row] } == [[0, 0], [1, 0], [2, 0]])
    }
    @Test("rows and cells compared by their bytes give exactly the cells that differ, over 300 random pairs")
    func theByteComparisonAgreesWithCellEquality() {
        var generator = SystemRandomNumberGenerator()
        let characters: [Character] = [" ", "a", "Z", "─", "⣿", "漢", "é"]
        let colors: [Color] = [.default, .indexed(3), .indexed(200), .rgb(10, 20, 30), .rgb(10, 20, 31)]
        func randomCell() -> Cell {
            Cell(characters.randomElement(using: &generator)!,
                 style: Style(foreground: colors.randomElement(using: &generator)!, background: colors.randomElement(using: &generator)!,
                              attributes: TextAttributes(rawValue: UInt8.random(in: 0...3, using: &generator))))
        }
        for _ in 0..<300 {
            let width = Int.random(in: 1...30, using: &generator), height = Int.random(in: 1...6, using: &generator)
            var before = CellBuffer(width: width, height: height)
            for _ in 0..<Int.random(in: 0...(width * height), using: &generator) {
                before[Int.random(in: 0..<width, using: &generator), Int.random(in: 0..<height, using: &generator)] = randomCell()
            }
            var after = before
            // Some rows untouched, some with a few cells changed (or set to what they already were).
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let x = Int.random(in: 0..<width, using: &generator), y = Int.random(in: 0..<height, using: &generator)
                after[x, y] = Bool.random(using: &generator) ? randomCell() : before[x, y]
            }
            if Bool.random(using: &generator) { after.write("漢字", x: Int.random(in: 0..<width, using: &generator), y: 0) }
            var expected: [CellChange] = []
            for row in 0..<height {
                for column in 0..<width where !after[column, row].isContinuation && after[column, row] != before[column, row] {
                    expected.append(CellChange(column: column, row: row, cell: after[column, row]))
                }
            }
            #expect(before.changes(to: after) == expected)
        }
    }
}
