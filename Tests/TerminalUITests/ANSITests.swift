import Testing

@testable import TerminalUI

@Suite("ANSI rendering")
struct ANSITests {
    private func sample() -> CellBuffer {
        var buffer = CellBuffer(width: 4, height: 2)
        buffer.write("ab", x: 0, y: 0, style: Style(foreground: .rgb(255, 0, 0), attributes: .bold))
        buffer.write("c", x: 2, y: 0)
        buffer.write("d", x: 0, y: 1)
        return buffer
    }

    @Test func trueColorUsesTwentyFourBitSequences() {
        #expect(
            sample().ansiLines(depth: .trueColor) == [
                "\u{1B}[0;1;38;2;255;0;0mab\u{1B}[0mc ",
                "d   ",
            ]
        )
    }

    @Test func palette256UsesIndexedSequences() {
        var buffer = CellBuffer(width: 1, height: 1)
        buffer.write("x", x: 0, y: 0, style: Style(foreground: .rgb(255, 135, 0), background: .indexed(236)))
        #expect(buffer.ansiLines(depth: .palette256) == ["\u{1B}[0;38;5;208;48;5;236mx\u{1B}[0m"])
    }

    @Test func ansi16UsesNormalAndBrightCodes() {
        #expect(sample().ansiLines(depth: .ansi16) == ["\u{1B}[0;1;91mab\u{1B}[0mc ", "d   "])
        var buffer = CellBuffer(width: 1, height: 1)
        buffer.write("x", x: 0, y: 0, style: Style(foreground: .indexed(2), background: .indexed(12)))
        #expect(buffer.ansiLines(depth: .ansi16) == ["\u{1B}[0;32;104mx\u{1B}[0m"])
    }

    @Test func monochromeKeepsOnlyAttributes() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.write("x", x: 0, y: 0, style: Style(foreground: .rgb(1, 2, 3), attributes: [.reverse, .dim]))
        buffer.write("y", x: 1, y: 0, style: Style(foreground: .rgb(1, 2, 3)))
        #expect(buffer.ansiLines(depth: .monochrome) == ["\u{1B}[0;2;7mx\u{1B}[0my "])
    }

    @Test func wideCharactersAreWrittenOnce() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.write("漢", x: 0, y: 0, style: Style(attributes: .underline))
        #expect(buffer.ansiLines(depth: .trueColor) == ["\u{1B}[0;4m漢\u{1B}[0m "])
    }
}
