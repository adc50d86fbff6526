import Testing

@testable import TerminalUI

@Suite("Box")
struct BoxTests {
    @Test func drawsARoundedBorderWithATitle() {
        #expect(
            Box(title: "cpu").rendered(width: 12, height: 3).lines == [
                "╭─ cpu ────╮",
                "│          │",
                "╰──────────╯",
            ]
        )
    }

    @Test func drawsSquareCornersAndARightTitle() {
        let box = Box(title: ["mem"], rightTitle: ["4G"], corners: .square)
        #expect(
            box.rendered(width: 16, height: 2).lines == [
                "┌─ mem ─── 4G ─┐",
                "└──────────────┘",
            ]
        )
    }

    @Test func cutsALongTitleWithAnEllipsis() {
        #expect(Box(title: "throughput").rendered(width: 10, height: 2).lines == ["╭─ thr… ─╮", "╰────────╯"])
    }

    @Test func dropsTheRightTitleWhenThereIsNoRoom() {
        let box = Box(title: ["queue"], rightTitle: ["12"])
        #expect(box.rendered(width: 14, height: 2).lines == ["╭─ queue ────╮", "╰────────────╯"])
    }

    @Test func innerIsInsideTheBorderAndFillClearsIt() {
        let box = Box(fill: Style(attributes: .dim))
        #expect(box.inner(of: Rect(x: 2, y: 1, width: 6, height: 4)) == Rect(x: 3, y: 2, width: 4, height: 2))
        var buffer = CellBuffer(width: 4, height: 3, filler: Cell("x"))
        buffer.render(box)
        #expect(buffer.lines == ["╭──╮", "│  │", "╰──╯"])
        #expect(buffer[1, 1].style == Style(attributes: .dim))
    }

    @Test func tooSmallAreasDrawNothing() {
        #expect(Box(title: "x").rendered(width: 1, height: 5).lines == Array(repeating: " ", count: 5))
    }
}
