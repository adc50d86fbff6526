import Testing

@testable import TerminalUI

@Suite("Sparkline")
struct SparklineTests {
    @Test func barsScaleToTheLargestValue() {
        #expect(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8]).rendered(width: 9).lines == [" ▁▂▃▄▅▆▇█"])
    }

    @Test func fewerValuesSitAtTheRightEdge() {
        #expect(Sparkline(values: [0, 1, 2, 8]).rendered(width: 6).lines == ["   ▁▂█"])
    }

    @Test func tooManyValuesShowTheNewest() {
        #expect(Sparkline(values: [8, 8, 8, 0, 4, 8]).rendered(width: 3).lines == [" ▄█"])
    }

    @Test func fixedMaximumClampsAndSmallValuesStillShow() {
        #expect(Sparkline(values: [1, 50, 100, 400], maximum: 100).rendered(width: 4).lines == ["▁▄██"])
    }

    @Test func tallerAreasStackBars() {
        #expect(Sparkline(values: [1, 2, 3, 4], maximum: 4).rendered(width: 4, height: 2).lines == ["  ▄█", "▄███"])
    }

    @Test func allZeroIsBlank() {
        #expect(Sparkline(values: [0, 0], maximum: nil).rendered(width: 3).lines == ["   "])
    }
}
