import Testing
import TerminalUI
@testable import NcursesBackend

struct CursesStyleTests {
    @Test func attributesRoundTrip() {
        let all: TextAttributes = [.bold, .dim, .reverse, .underline, .italic]
        #expect(CursesStyle.textAttributes(for: CursesStyle.attributes(for: all)) == all)
        #expect(CursesStyle.textAttributes(for: CursesStyle.attributes(for: [.italic])) == [.italic])
        #expect(CursesStyle.attributes(for: []) == 0)
    }

    @Test func paletteColorsPassThroughOn256Colors() {
        let style = CursesStyle(Style(foreground: .indexed(208), background: .indexed(236)), terminalColors: 256, hasDefaultColors: true)
        #expect(style.foreground == 208)
        #expect(style.background == 236)
        #expect(CursesStyle.textAttributes(for: style.attributes) == [])
    }

    @Test func brightColorsBecomeBoldOnEightColors() {
        let style = CursesStyle(Style(foreground: .indexed(9), background: .indexed(12)), terminalColors: 8, hasDefaultColors: true)
        #expect(style.foreground == 1)
        #expect(style.background == 4)
        #expect(CursesStyle.textAttributes(for: style.attributes) == [.bold])
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
