import Testing

@testable import TerminalUI

@Suite("Label")
struct LabelTests {
    @Test func alignsLeftCenterAndRight() {
        #expect(Label("ab").rendered(width: 6).lines == ["ab    "])
        #expect(Label("ab", alignment: .center).rendered(width: 6).lines == ["  ab  "])
        #expect(Label("ab", alignment: .center).rendered(width: 5).lines == [" ab  "])
        #expect(Label("ab", alignment: .right).rendered(width: 6).lines == ["    ab"])
    }

    @Test func clipsAtTheEdge() {
        #expect(Label("abcdefgh", alignment: .right).rendered(width: 5).lines == ["abcde"])
    }

    @Test func endsInAnEllipsisWhenAsked() {
        #expect(Label("abcdefgh", overflow: .ellipsis).rendered(width: 5).lines == ["abcd…"])
        #expect(Label("abcde", overflow: .ellipsis).rendered(width: 5).lines == ["abcde"])
        #expect(Label("a漢字b", overflow: .ellipsis).rendered(width: 5).lines == ["a漢… "])
    }

    @Test func spansKeepTheirStyles() {
        let bold = Style(attributes: .bold)
        let buffer = Label(spans: [Span("ab", style: bold), "cd"]).rendered(width: 5)
        #expect(buffer.lines == ["abcd "])
        #expect(buffer[1, 0].style == bold)
        #expect(buffer[2, 0].style == .plain)
        let cut = Label(spans: [Span("ab", style: bold), "cdef"], overflow: .ellipsis).rendered(width: 3)
        #expect(cut.lines == ["ab…"])
        #expect(cut[2, 0].style == bold)
    }

    @Test func drawsOnlyOnTheFirstRowOfItsArea() {
        var buffer = CellBuffer(width: 4, height: 3, filler: Cell("."))
        buffer.render(Label("xy"), in: Rect(x: 1, y: 1, width: 2, height: 2))
        #expect(buffer.lines == ["....", ".xy.", "...."])
    }
}
