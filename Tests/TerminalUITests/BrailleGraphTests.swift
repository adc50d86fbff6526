import Testing

@testable import TerminalUI

@Suite("BrailleGraph")
struct BrailleGraphTests {
    @Test func areaModeFillsUnderEachValue() {
        #expect(BrailleGraph(values: [0, 4], maximum: 4).rendered(width: 1).lines == ["⢸"])
        #expect(BrailleGraph(values: [2, 4], maximum: 4).rendered(width: 1).lines == ["⣼"])
    }

    @Test func lineModeJoinsNeighbouringPoints() {
        #expect(BrailleGraph(values: [0, 3], mode: .line, maximum: 3).rendered(width: 1).lines == ["⡸"])
        #expect(BrailleGraph(values: [0, 0, 0, 0], mode: .line, maximum: 3).rendered(width: 2).lines == ["⣀⣀"])
    }

    @Test func valuesSitAtTheRightEdgeAndScaleToTheLargest() {
        // Two cells tall: 8 dot rows; the values fill 8 and 4 of them.
        #expect(BrailleGraph(values: [8, 4]).rendered(width: 2, height: 2).lines == [" ⡇", " ⣿"])
    }

    @Test func tooManyValuesShowTheNewest() {
        // Four dot columns: the first value is dropped.
        #expect(BrailleGraph(values: [0, 4, 4, 0, 4], maximum: 4).rendered(width: 2).lines == ["⣿⢸"])
    }

    @Test func twoSeriesShareCellsAndTheLaterStyleWins() {
        let red = Style(foreground: .indexed(1)), blue = Style(foreground: .indexed(4))
        let graph = BrailleGraph(
            series: [
                .init(values: [4, 4, 0, 0], style: red),
                .init(values: [0, 1, 0, 1], style: blue),
            ],
            maximum: 4
        )
        let buffer = graph.rendered(width: 2)
        #expect(buffer.lines == ["⣿⢀"])
        #expect(buffer[0, 0].style == blue)
        #expect(buffer[1, 0].style == blue)
        let first = BrailleGraph(
            series: [.init(values: [4, 0], style: red), .init(values: [0, 0], style: blue)],
            maximum: 4
        )
        .rendered(width: 1)
        #expect(first.lines == ["⡇"])
        #expect(first[0, 0].style == red)
    }

    @Test func nothingToShowIsBlank() {
        #expect(BrailleGraph(values: []).rendered(width: 3).lines == ["   "])
        #expect(BrailleGraph(values: [0, 0, 0]).rendered(width: 2).lines == ["  "])
    }
}
