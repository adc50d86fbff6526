import PoolCore
import Sizing
import Testing

/// `--caps` as a list or a doubling range, and the quick sweep's caps around a cap.
@Suite struct CapSeriesTests {
    @Test func rangesDoubleAndEndOnTheUpperBound() throws {
        #expect(try CapSeries(parsing: "1...128").caps == [1, 2, 4, 8, 16, 32, 64, 128])
        #expect(try CapSeries(parsing: "1...256").caps.count == 9)
        #expect(try CapSeries(parsing: "3...40").caps == [3, 6, 12, 24, 40])
        #expect(try CapSeries(parsing: "8..8").caps == [8])
    }

    @Test func listsAreSortedWithoutRepeats() throws {
        #expect(try CapSeries(parsing: "1,2,4,8,16,32,64,128").caps == [1, 2, 4, 8, 16, 32, 64, 128])
        #expect(try CapSeries(parsing: "16, 4,4,1").caps == [1, 4, 16])
        #expect(try CapSeries(parsing: "1,2,4").description == "1,2,4")
    }

    @Test(arguments: ["", "0...8", "8...4", "1,,2", "a", "1...5000", "1.5", "2,x"])
    func rejectsWhatIsNotASeries(text: String) {
        #expect(throws: ParseError.self) { try CapSeries(parsing: text) }
    }

    @Test func quickSweepCapsSurroundTheCap() {
        #expect(CapSeries.around(50).caps == [6, 13, 25, 50, 100, 200])
        #expect(CapSeries.around(1).caps == [1, 2, 4])
        #expect(CapSeries.around(4096).caps == [512, 1024, 2048, 4096])
    }
}
