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
}
