import Testing

@testable import TerminalUI

@Suite("Table")
struct TableTests {
    private let columns = [
        TableColumn("name", width: .length(5)),
        TableColumn("n", width: .fill(1), alignment: .right),
    ]

    @Test func headerAndRowsInSizedColumns() {
        let table = Table(columns: columns, rows: [["alpha", "1"], ["verylongname", "22"], ["c", "3"]])
        #expect(
            table.rendered(width: 10, height: 3).lines == [
                "name     n",
                "alpha    1",
                "very…   22",
            ]
        )
        #expect(table.columnRects(in: Rect(x: 0, y: 0, width: 10, height: 3)).map(\.x) == [0, 6])
    }

    @Test func headerCanBeHiddenAndRowsMayBeShort() {
        let table = Table(columns: columns, rows: [["a"], ["b", "2", "extra"]], headerStyle: nil)
        #expect(table.rendered(width: 8, height: 3).lines == ["a       ", "b      2", "        "])
    }

    @Test func selectedRowTakesTheSelectionStyle() {
        let selected = Style(attributes: .reverse)
        let bold = Style(attributes: .bold)
        let table = Table(
            columns: columns,
            rows: [[Span("x", style: bold), "1"], [Span("y", style: bold), "2"]],
            selectedRow: 1
        )
        let buffer = table.rendered(width: 8, height: 3)
        #expect(buffer[0, 1].style == bold)
        #expect(buffer[0, 2].style == selected)
        #expect(buffer[3, 2].style == selected)
        #expect(buffer[0, 0].style == bold)
    }
}
