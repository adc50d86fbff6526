import CNcurses
import Testing
import TerminalUI
@testable import NcursesBackend

struct CursesStyleTests {
    @Test func attributesBecomeTheirBits() {
        let all: TextAttributes = [.bold, .dim, .reverse, .underline, .italic]
        #expect(CursesStyle.attributes(for: all) == POOLTOP_A_BOLD | POOLTOP_A_DIM | POOLTOP_A_REVERSE | POOLTOP_A_UNDERLINE | POOLTOP_A_ITALIC)
        #expect(CursesStyle.attributes(for: [.italic]) == POOLTOP_A_ITALIC)
        #expect(CursesStyle.attributes(for: []) == 0)
    }

    @Test func paletteColorsPassThroughOn256Colors() {
        let style = CursesStyle(Style(foreground: .indexed(208), background: .indexed(236)), terminalColors: 256, hasDefaultColors: true)
        #expect(style.foreground == 208)
        #expect(style.background == 236)
        #expect(style.attributes == 0)
    }

    @Test func brightColorsBecomeBoldOnEightColors() {
        let style = CursesStyle(Style(foreground: .indexed(9), background: .indexed(12)), terminalColors: 8, hasDefaultColors: true)
        #expect(style.foreground == 1)
        #expect(style.background == 4)
        #expect(style.attributes == POOLTOP_A_BOLD)
    }

    @Test func undegradedColorsStillFit() {
        let onEight = CursesStyle(Style(foreground: .indexed(196), background: .rgb(0, 0, 0)), terminalColors: 8, hasDefaultColors: true)
        #expect(onEight.foreground >= 0 && onEight.foreground < 8)
        #expect(onEight.background == 0)
        let on256 = CursesStyle(Style(foreground: .rgb(255, 135, 0)), terminalColors: 256, hasDefaultColors: true)
        #expect(on256.foreground == 208)
        #expect(on256.background == -1)
    }

    @Test func defaultColorsWithoutUseDefaultColors() {
        let style = CursesStyle(.plain, terminalColors: 8, hasDefaultColors: false)
        #expect(style.foreground == 7)
        #expect(style.background == 0)
    }
}
