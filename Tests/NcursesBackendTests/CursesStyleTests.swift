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

    /// A trough in bright black on black: bold black is black where bold is not brighter (VTE,
    /// Alacritty, kitty), so on 8 colors it takes the nearest other color instead.
    @Test func aBrightColorOnItsBaseColorStaysVisibleOnEightColors() {
        let trough = CursesStyle(Style(foreground: .indexed(8), background: .indexed(0)), terminalColors: 8, hasDefaultColors: true)
        #expect(trough.foreground == 7)
        #expect(trough.background == 0)
        #expect(trough.attributes == 0)
        let onSixteen = CursesStyle(Style(foreground: .indexed(8), background: .indexed(0)), terminalColors: 16, hasDefaultColors: true)
        #expect(onSixteen.foreground == 8 && onSixteen.background == 0)
        let same = CursesStyle(Style(foreground: .indexed(0), background: .indexed(0)), terminalColors: 8, hasDefaultColors: true)
        #expect(same.foreground == 0, "the same color on purpose stays")
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
