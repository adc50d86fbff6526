import TerminalUI
import Testing

/// The x–y braille plot against literal lines.
@Suite struct BraillePlotTests {
    typealias Point = BraillePlot.Point

    @Test func aRisingLineClimbsOneDotRowPerDotColumn() {
        let line = BraillePlot.Series(points: [Point(x: 0, y: 0), Point(x: 7, y: 7)])
        let plot = BraillePlot(series: [line], xRange: 0...7, yRange: 0...7)
        #expect(plot.rendered(width: 4, height: 2).lines == ["  ⡠⠊", "⡠⠊  "])
    }

    @Test func markersSitInTheCellOfTheirPointAndWinOverDots() {
        let flat = BraillePlot.Series(points: [Point(x: 0, y: 0), Point(x: 10, y: 0)])
        let measured = BraillePlot.Series(points: [Point(x: 0, y: 0), Point(x: 5, y: 10), Point(x: 10, y: 2)], mode: .marker("●"))
        let plot = BraillePlot(series: [flat, measured], xRange: 0...10, yRange: 0...10)
        #expect(plot.rendered(width: 5, height: 2).lines == ["  ●  ", "●⣀⣀⣀●"])
    }

    @Test func valuesOutsideTheRangesAreClampedToTheEdges() {
        let line = BraillePlot.Series(points: [Point(x: -5, y: 20), Point(x: 50, y: 20)])
        let plot = BraillePlot(series: [line], xRange: 0...10, yRange: 0...10)
        #expect(plot.rendered(width: 3, height: 1).lines == ["⠉⠉⠉"])
    }

    @Test func emptyCellsKeepWhatWasThere() {
        var buffer = CellBuffer(width: 3, height: 1, filler: Cell("x"))
        let plot = BraillePlot(series: [.init(points: [Point(x: 0, y: 0)], mode: .marker("●"))], xRange: 0...1, yRange: 0...1)
        plot.render(in: buffer.bounds, buffer: &buffer)
        #expect(buffer.lines == ["●xx"])
    }
}
