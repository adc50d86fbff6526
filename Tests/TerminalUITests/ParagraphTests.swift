import Testing

@testable import TerminalUI

@Suite("Paragraph")
struct ParagraphTests {
    @Test func wrapsAtWordBoundaries() {
        let paragraph = Paragraph("the quick brown fox jumps")
        #expect(
            paragraph.rendered(width: 10, height: 4).lines == [
                "the quick ",
                "brown fox ",
                "jumps     ",
                "          ",
            ]
        )
        #expect(paragraph.height(forWidth: 10) == 3)
    }

    @Test func breaksWordsLongerThanTheWidth() {
        #expect(Paragraph("abcdefgh ij").rendered(width: 3, height: 4).lines == ["abc", "def", "gh ", "ij "])
    }

    @Test func honoursNewlinesAndCutsOffBelowTheArea() {
        #expect(Paragraph("a\n\nb c d").rendered(width: 3, height: 3).lines == ["a  ", "   ", "b c"])
    }

    @Test func alignsEveryLine() {
        #expect(Paragraph("ab cdef", alignment: .right).rendered(width: 5, height: 2).lines == ["   ab", " cdef"])
        #expect(Paragraph("ab cdef", alignment: .center).rendered(width: 6, height: 2).lines == ["  ab  ", " cdef "])
    }

    @Test func withoutWrappingLinesAreCut() {
        #expect(Paragraph("abc def\ngh", wraps: false).rendered(width: 4, height: 2).lines == ["abc ", "gh  "])
    }

    @Test func wideCharactersWrapWhole() {
        #expect(Paragraph("漢字漢").rendered(width: 5, height: 2).lines == ["漢字 ", "漢   "])
    }
}
