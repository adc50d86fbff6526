import Testing

@testable import TerminalUI

@Suite("CellBuffer")
struct CellBufferTests {
    /// A frame at 200×50 is 10,000 cells, made, filled, diffed and copied every frame: a cell
    /// stays 24 bytes (its fields in an order that leaves little padding).
    @Test func aCellIsTwentyFourBytes() {
        #expect(MemoryLayout<Cell>.stride == 24)
    }

    @Test func textWithoutABackgroundKeepsTheOneUnderIt() {
        let panel = Style(background: .rgb(20, 20, 30))
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.fill(Rect(x: 0, y: 0, width: 4, height: 1), with: Cell(" ", style: panel))
        buffer.write("ab 界", x: 0, y: 0, style: Style(foreground: .indexed(2)))
        #expect(buffer.lines == ["ab 界 "])
        #expect(buffer[0, 0].style == Style(foreground: .indexed(2), background: .rgb(20, 20, 30)))
        #expect(buffer[2, 0].style.background == .rgb(20, 20, 30))
        #expect(buffer[5, 0].style.background == .default, "past the panel the terminal's background stays")
        buffer.write("x", x: 1, y: 0, style: Style(background: .indexed(1)))
        #expect(buffer[1, 0].style.background == .indexed(1), "a background of its own wins")
    }

    @Test func writeClipsAtTheRightEdge() {
        var buffer = CellBuffer(width: 5, height: 1)
        let end = buffer.write("abcdefg", x: 2, y: 0)
        #expect(buffer.lines == ["  abc"])
        #expect(end == 9)
    }

    @Test func writeClipsToTheClipRectangle() {
        var buffer = CellBuffer(width: 6, height: 2)
        buffer.write("abcdef", x: 0, y: 1, clip: Rect(x: 1, y: 1, width: 3, height: 1))
        buffer.write("zzz", x: 0, y: 0, clip: Rect(x: 1, y: 1, width: 3, height: 1))
        #expect(buffer.lines == ["      ", " bcd  "])
    }

    @Test func wideCharactersTakeTwoCells() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.write("a漢b", x: 0, y: 0)
        #expect(buffer.lines == ["a漢b "])
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[1, 0].character == "漢")
    }

    @Test func wideCharacterStraddlingTheEdgeBecomesASpace() {
        var buffer = CellBuffer(width: 4, height: 1, filler: Cell("."))
        buffer.write("ab漢", x: 1, y: 0)
        #expect(buffer.lines == [".ab "])
        var left = CellBuffer(width: 4, height: 1, filler: Cell("."))
        left.write("漢x", x: -1, y: 0)
        #expect(left.lines == [" x.."])
    }

    /// Writing over one half of a wide character leaves no half without the other: the half not
    /// written over becomes a space in its style (as a terminal blanks it), so the buffer reads
    /// as the screen shows it and no right half hides a character written after it.
    @Test func writingOverHalfAWideCharacterBlanksTheOtherHalf() {
        let red = Style(foreground: .indexed(1))
        var right = CellBuffer(width: 6, height: 1, filler: Cell("."))
        right.write("漢", x: 1, y: 0, style: red)
        right.write("x", x: 2, y: 0)
        #expect(right.lines == [". x..."])
        #expect(!right[1, 0].isContinuation && right[1, 0].style == red, "the left half keeps its style")

        var left = CellBuffer(width: 6, height: 1, filler: Cell("."))
        left.write("漢", x: 1, y: 0)
        left.write("y", x: 1, y: 0)
        #expect(left.lines == [".y ..."])
        #expect(!left[2, 0].isContinuation, "no right half is left without its character")

        var shifted = CellBuffer(width: 6, height: 1, filler: Cell("."))
        shifted.write("漢字", x: 0, y: 0)
        shifted.write("界", x: 1, y: 0)
        #expect(shifted.lines == [" 界 .."])
        #expect(shifted[2, 0].isContinuation && !shifted[3, 0].isContinuation)

        var filled = CellBuffer(width: 6, height: 2, filler: Cell("."))
        filled.write("漢", x: 0, y: 0)
        filled.write("字", x: 3, y: 0)
        filled.fill(Rect(x: 1, y: 0, width: 3, height: 1), with: Cell("-"))
        #expect(filled.lines == [" --- .", "......"])
        #expect(filled.cells.filter(\.isContinuation).isEmpty)

        var styled = CellBuffer(width: 4, height: 1)
        styled.write("漢", x: 0, y: 0)
        styled.setStyle(red, in: Rect(x: 1, y: 0, width: 1, height: 1))
        #expect(styled.lines == ["漢  "], "restyling keeps the characters")
    }

    @Test func writesOutsideTheBufferAreDropped() {
        var buffer = CellBuffer(width: 3, height: 2)
        buffer.write("abc", x: 0, y: 5)
        buffer.write("abc", x: 0, y: -1)
        buffer[7, 0] = Cell("x")
        #expect(buffer.lines == ["   ", "   "])
        #expect(buffer[-1, 0] == .blank)
    }

    @Test func descriptionListsLinesThenStyleRuns() {
        var buffer = CellBuffer(width: 4, height: 2)
        let red = Style(foreground: .rgb(255, 0, 0), attributes: .bold)
        buffer.write("ab", x: 0, y: 0, style: red)
        buffer.write("漢", x: 1, y: 1, style: Style(background: .indexed(4)))
        #expect(
            buffer.description == """
                "ab  "
                " 漢 "
                x=0,y=0: fg=#ff0000 bg=default +bold
                x=2,y=0: fg=default bg=default
                x=1,y=1: fg=default bg=idx4
                x=3,y=1: fg=default bg=default

                """
        )
    }

    @Test func plainTextTrimsTrailingSpaces() {
        var buffer = CellBuffer(width: 5, height: 3)
        buffer.write("ab", x: 1, y: 0)
        buffer.write("c", x: 4, y: 2)
        #expect(buffer.plainText == " ab\n\n    c")
    }
}
