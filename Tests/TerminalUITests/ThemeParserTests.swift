import Testing

@testable import TerminalUI

@Suite("ThemeParser")
struct ThemeParserTests {
    @Test func readsEveryValueSpelling() {
        let result = ThemeParser.parse(
            """
            # a comment

            theme[main_bg]="#FF0000"
            theme[main_fg]="#80"
              theme[title] = "10 20 30"   # trailing comment
            theme[hi_fg]=#00ff00
            theme[slot_idle]="default"
            theme[slot_busy]=""
            theme[nonsense_key]="#zzzzzz"
            """,
            file: "good.theme"
        )
        #expect(result.problems.isEmpty)
        let theme = result.theme
        #expect(theme.name == "good")
        #expect(theme.color(.background) == .rgb(255, 0, 0))
        #expect(theme.color(.text) == .rgb(128, 128, 128))
        #expect(theme.color(.title) == .rgb(10, 20, 30))
        #expect(theme.color(.highlight) == .rgb(0, 255, 0))
        #expect(theme.color(.slotIdle) == .default)
        // Empty means unset: slot_busy falls back to the built-in (the file has no proc_misc).
        #expect(theme.color(.slotBusy) == Theme.builtin.color(.slotBusy))
        #expect(theme.color(.error) == Theme.builtin.color(.error))
    }

    @Test func btopKeysMapOntoPooltopRoles() {
        let result = ThemeParser.parse(
            """
            theme[main_bg]="#101010"
            theme[main_fg]="#e0e0e0"
            theme[hi_fg]="#ff8800"
            theme[inactive_fg]="#555555"
            theme[proc_misc]="#00aaff"
            theme[cpu_start]="#00ff00"
            theme[cpu_end]="#ff0000"
            theme[temp_start]="#0000ff"
            theme[temp_mid]="#ff00ff"
            theme[temp_end]="#ff0088"
            theme[available_end]="#ffbb00"
            theme[process_start]="#33cc33"
            """,
            file: "btop.theme"
        )
        #expect(result.problems.isEmpty)
        let theme = result.theme
        #expect(theme.color(.background) == .rgb(0x10, 0x10, 0x10))
        #expect(theme.style(.text) == Style(foreground: .rgb(0xE0, 0xE0, 0xE0), background: .rgb(0x10, 0x10, 0x10)))
        #expect(theme.color(.title) == .rgb(0xE0, 0xE0, 0xE0))
        #expect(theme.color(.highlight) == .rgb(0xFF, 0x88, 0x00))
        #expect(theme.color(.graphText) == .rgb(0x55, 0x55, 0x55))
        #expect(theme.color(.slotIdle) == .rgb(0x55, 0x55, 0x55))
        #expect(theme.color(.slotBusy) == .rgb(0x00, 0xAA, 0xFF))
        #expect(theme.color(.warning) == .rgb(0xFF, 0xBB, 0x00))
        #expect(theme.color(.slotLockWait) == .rgb(0xFF, 0xBB, 0x00))
        #expect(theme.color(.error) == .rgb(0xFF, 0x00, 0x88))
        #expect(theme.color(.slotCrashed) == .rgb(0xFF, 0x00, 0x88))
        #expect(theme.color(.slotLockHold) == .rgb(0xFF, 0x00, 0xFF))
        #expect(theme.color(.ok) == .rgb(0x33, 0xCC, 0x33))
        // cpu_mid is missing: the blend of start and end; queue_* falls back to cpu_*, lock_* to temp_*.
        let cpu = GradientStops(start: .rgb(0, 255, 0), mid: .rgb(128, 128, 0), end: .rgb(255, 0, 0))
        #expect(theme.stops(.cpu) == cpu)
        #expect(theme.stops(.queue) == cpu)
        #expect(
            theme.stops(.lock) == GradientStops(start: .rgb(0, 0, 255), mid: .rgb(255, 0, 255), end: .rgb(255, 0, 0x88))
        )
        // throughput_* has no download_* to fall back on, so it is a flat main_fg.
        #expect(theme.stops(.throughput) == GradientStops(flat: .rgb(0xE0, 0xE0, 0xE0)))
        #expect(theme.requestColor(0) == .rgb(0, 255, 0))
        #expect(theme.requestColor(4) == .rgb(0xFF, 0x00, 0x88))
        #expect(theme.requestColor(1) == Theme.builtin.requestColor(1))
    }

    @Test func malformedLinesAreReportedAndParsingGoesOn() {
        let result = ThemeParser.parse(
            """
            # broken on purpose
            theme[main_fg]="#eeeeee"
            theme[main_bg]
            theme[slot_busy]="#12345z"
            theme[title]="#ffffff
            colour[ok]="#00ff00"
            theme[ok]="#00ff00" junk
            theme[slot_idle]="1 2"
            theme[warning]="#abcdef"
            """,
            file: "dark.theme"
        )
        #expect(
            result.problems.map(\.description) == [
                "dark.theme:3: expected theme[key]=\"value\", found no \"=\"",
                "dark.theme:4: bad color \"#12345z\" for key slot_busy",
                "dark.theme:5: unterminated quote in value for key title",
                "dark.theme:6: expected theme[key] before \"=\", found \"colour[ok]\"",
                "dark.theme:7: unexpected \"junk\" after the value for key ok",
                "dark.theme:8: bad color \"1 2\" for key slot_idle",
            ]
        )
        #expect(
            result.problems[1]
                == ThemeProblem(file: "dark.theme", line: 4, message: "bad color \"#12345z\" for key slot_busy")
        )
        let theme = result.theme
        #expect(theme.color(.text) == .rgb(0xEE, 0xEE, 0xEE))
        #expect(theme.color(.warning) == .rgb(0xAB, 0xCD, 0xEF))
        #expect(theme.color(.title) == .rgb(0xEE, 0xEE, 0xEE))
        #expect(theme.color(.slotBusy) == Theme.builtin.color(.slotBusy))
        #expect(theme.color(.background) == Theme.builtin.color(.background))
    }

    @Test(arguments: ["#12345z", "#abc", "#1234567", "1 2", "256 0 0", "a b c", "red", "#"])
    func badColorsAreRejected(text: String) {
        #expect(ThemeParser.color(from: text) == nil)
    }

    @Test func anEmptyFileIsTheFallback() {
        let result = ThemeParser.parse("\n# nothing\n", file: "empty.theme", name: "default")
        #expect(result.problems.isEmpty)
        #expect(result.theme == Theme.builtin)
        #expect(ThemeParser.parse("", file: "x.theme", fallback: .monochrome).theme.color(.slotBusy) == .default)
    }

    @Test func gradientsBlendBetweenStops() {
        let theme = Theme.builtin
        let stops = theme.stops(.cpu)
        #expect(theme.gradient(.cpu, at: 0) == stops.start)
        #expect(theme.gradient(.cpu, at: 0.5) == stops.mid)
        #expect(theme.gradient(.cpu, at: 1) == stops.end)
        #expect(theme.gradient(.cpu, at: 3) == stops.end)
        #expect(theme.gradient(.cpu, at: 0.25) == stops.start.blended(with: stops.mid, fraction: 0.5))
        #expect(
            GradientStops(start: .rgb(0, 0, 0), mid: .rgb(100, 0, 0), end: .rgb(100, 200, 0)).color(at: 0.75)
                == .rgb(100, 100, 0)
        )
    }

    @Test func requestPaletteRepeatsEveryEight() {
        let theme = Theme.builtin
        #expect(theme.requestPalette.count == 8)
        #expect(Set(theme.requestPalette).count == 8)
        #expect(theme.requestColor(9) == theme.requestColor(1))
        #expect(theme.requestColor(-1) == theme.requestColor(7))
        #expect(theme.requestStyle(2) == Style(foreground: theme.requestColor(2), background: theme.color(.background)))
    }

    @Test func monochromeSeparatesSlotStatesByAttributesAlone() {
        let theme = Theme.monochrome
        let slotRoles: [ThemeRole] = [
            .slotIdle, .slotBusy, .slotLockWait, .slotLockHold, .slotRetiring, .slotStarting, .slotCrashed,
        ]
        #expect(Set(slotRoles.map { theme.style($0) }).count == slotRoles.count)
        for role in ThemeRole.allCases {
            #expect(theme.color(role) == .default)
        }
        #expect(theme.requestStyle(3) == Style(attributes: .bold))
        #expect(theme.style(.selectionText) == Style(attributes: .reverse))
        #expect(theme.gradient(.queue, at: 0.7) == .default)
    }

    @Test func rolesAndGradientsKnowTheirKeys() {
        #expect(ThemeRole(key: "main_bg") == .background)
        #expect(ThemeRole(key: "slot_lock_wait") == .slotLockWait)
        #expect(ThemeRole(key: "nope") == nil)
        #expect(ThemeGradient(prefix: "temp") == .temperature)
        #expect(Set(ThemeRole.allCases.map(\.key)).count == ThemeRole.allCases.count)
        #expect(Theme.knownKeys.count == ThemeRole.allCases.count + 3 * ThemeGradient.allCases.count + 8)
    }
}
