@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// The small value types the views and the state are built on.
@Suite struct ValueTests {
    // MARK: - NumberText

    @Test func groupedIntegers() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1000) == "1,000")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-12_345) == "-12,345")
    }

    @Test func fixedDecimals() {
        #expect(NumberText.fixed(3.14159, decimals: 2) == "3.14")
        #expect(NumberText.fixed(2.5, decimals: 0) == "3")
        #expect(NumberText.fixed(0.05, decimals: 1) == "0.1")
        #expect(NumberText.fixed(7, decimals: 3) == "7.000")
        #expect(NumberText.fixed(0.004, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-1.25, decimals: 1) == "-1.3")
        #expect(NumberText.fixed(.nan, decimals: 1) == "-")
        #expect(NumberText.fixed(.infinity, decimals: 1) == "∞")
    }

    @Test func compactCounts() {
        #expect(NumberText.compact(0.0) == "0")
        #expect(NumberText.compact(2.5) == "2.5")
        #expect(NumberText.compact(980.0) == "980")
        #expect(NumberText.compact(1_234.0) == "1.2k")
        #expect(NumberText.compact(12_345.0) == "12k")
        #expect(NumberText.compact(999_999.0) == "1.0M")
        #expect(NumberText.compact(45_600_000.0) == "46M")
        #expect(NumberText.compact(3_000_000_000.0) == "3.0G")
        #expect(NumberText.compact(1251) == "1.3k")
    }

    @Test func percentBytesClockAndScale() {
        #expect(NumberText.percent(0.4213, decimals: 1) == "42.1%")
        #expect(NumberText.bytes(512) == "512B")
        #expect(NumberText.bytes(50_331_648) == "48.0MiB")
        #expect(NumberText.bytes(3 * 1_073_741_824 / 2) == "1.5GiB")
        #expect(NumberText.clock(nanoseconds: 6_400_000_000) == "0:06.4")
        #expect(NumberText.clock(nanoseconds: 62_500_000_000) == "1:02")
        #expect(NumberText.clock(nanoseconds: 3_723_000_000_000) == "1:02:03")
        #expect(NumberText.timeScale(1) == "×1")
        #expect(NumberText.timeScale(64) == "×64")
        #expect(NumberText.timeScale(0.5) == "×1/2")
        #expect(NumberText.timeScale(1.0 / 16) == "×1/16")
        #expect(NumberText.timeScale(0.3) == "×0.3")
        #expect(NumberText.padLeft("7", to: 3) == "  7")
        #expect(NumberText.padRight("abcd", to: 2) == "abcd")
    }

    // MARK: - LineComposer

    @Test func fittingDropsTheLeastImportantPiecesFirst() {
        let pieces = [
            LineComposer.Piece(["alpha"], priority: 9), LineComposer.Piece(["beta"], priority: 1),
            LineComposer.Piece(["gamma"], priority: 5), LineComposer.Piece(["delta"], priority: 1),
        ]
        func text(_ width: Int) -> String {
            LineComposer.fitted(pieces, separator: " ", width: width).map(\.text).joined()
        }
        #expect(text(30) == "alpha beta gamma delta")
        #expect(text(20) == "alpha beta gamma")
        #expect(text(12) == "alpha gamma")
        #expect(text(3) == "alpha")
    }

    @Test func flowingWrapsPiecesOntoLines() {
        let lines = LineComposer.flowed([["aaa"], ["bb"], ["cccc"], ["d"]], separator: " ", width: 7)
        #expect(lines.map { $0.map(\.text).joined() } == ["aaa bb", "cccc d"])
        #expect(LineComposer.flowed([], separator: " ", width: 7).isEmpty)
    }

    // MARK: - Histories

    @Test func aSampleHistoryKeepsTheNewestInOrder() {
        var history = SampleHistory(capacity: 3)
        #expect(history.values == [])
        #expect(history.last == nil)
        for value in 1...5 { history.append(Double(value)) }
        #expect(history.values == [3, 4, 5])
        #expect(history.suffix(2) == [4, 5])
        #expect(history.suffix(10) == [3, 4, 5])
        #expect(history.last == 5)
        history.removeAll()
        #expect(history.count == 0)
        history.append(9)
        #expect(history.values == [9])
    }

    @Test func lockContentionIsMeasuredPerInterval() {
        var history = DashboardHistory()
        var snapshot = PoolSnapshot()
        for (step, lock) in [(100, 10), (200, 60), (200, 60), (4, 3)].enumerated() {
            snapshot.elapsedNanos = UInt64(step) * DashboardHistory.sampleIntervalNanos
            snapshot.lock = LockStats(acquisitions: lock.0, contended: lock.1)
            history.record(snapshot)
        }
        #expect(history.lockContention.values == [10, 50, 0, 75])
    }

    @Test func historySamplesOnThePoolsClockNotPerFrame() {
        var history = DashboardHistory()
        var snapshot = PoolSnapshot()
        // 30 frames a second for one second of pool time: ten samples, one per 100 ms.
        for frame in 0..<30 {
            snapshot.elapsedNanos = UInt64(frame) * 1_000_000_000 / 30
            snapshot.totals.queued = frame
            history.record(snapshot)
        }
        #expect(history.queueDepth.values == [0, 3, 6, 9, 12, 15, 18, 21, 24, 27])
    }

    @Test func slotGlyphsTellEveryStateApart() {
        let states: [SlotState] = SlotPhase.allCases.map { SlotState(phase: $0) } + [SlotState(phase: .busy, isRetiring: true)]
        let glyphs = states.map(SlotGlyphs.character(for:))
        #expect(glyphs == [" ", "↑", "·", "█", "◌", "◆", "◐", "✗", "↓"])
        #expect(Set(glyphs).count == glyphs.count)
    }
}
