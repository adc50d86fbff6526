import Testing

@testable import TerminalUI

@Suite("Color degradation")
struct ColorDepthTests {
    @Test func trueColorKeepsEverything() {
        #expect(Color.rgb(1, 2, 3).degraded(to: .trueColor) == .rgb(1, 2, 3))
        #expect(Color.indexed(200).degraded(to: .trueColor) == .indexed(200))
    }

    @Test(arguments: [
        (Color.rgb(255, 0, 0), UInt8(196)),
        (.rgb(0, 0, 0), 16),
        (.rgb(255, 255, 255), 231),
        (.rgb(255, 135, 0), 208),
        (.rgb(128, 128, 128), 244),
        (.rgb(0x1E, 0x1E, 0x2E), 235),
        (.rgb(0x56, 0xB4, 0xE9), 74),
    ])
    func rgbBecomesTheNearestPaletteEntry(color: Color, index: UInt8) {
        #expect(color.degraded(to: .palette256) == .indexed(index))
    }

    @Test(arguments: [
        (Color.rgb(255, 0, 0), UInt8(9)),
        (.rgb(200, 0, 0), 1),
        (.rgb(0, 0, 0), 0),
        (.rgb(250, 250, 250), 15),
        (.rgb(128, 128, 128), 8),
        (.indexed(196), 9),
        (.indexed(22), 0),
        (.indexed(3), 3),
    ])
    func colorsBecomeTheNearestANSIColor(color: Color, index: UInt8) {
        #expect(color.degraded(to: .ansi16) == .indexed(index))
    }

    /// The default theme's gauge trough (`meter_bg` #2c303d on `main_bg`) falls on black twice
    /// with 16 colors: the trough takes bright black instead, so it does not vanish.
    @Test func colorsThatFallTogetherKeepTheForegroundVisible() {
        let trough = Style(foreground: .rgb(0x2C, 0x30, 0x3D), background: .rgb(0x1E, 0x1E, 0x2E))
        #expect(trough.degraded(to: .ansi16) == Style(foreground: .indexed(8), background: .indexed(0)))
        #expect(trough.degraded(to: .palette256).foreground != trough.degraded(to: .palette256).background)
        let same = Style(foreground: .rgb(10, 10, 10), background: .rgb(10, 10, 10))
        #expect(same.degraded(to: .ansi16) == Style(foreground: .indexed(0), background: .indexed(0)), "the same color on purpose stays")
        let onTerminal = Style(foreground: .rgb(0x2C, 0x30, 0x3D), background: .default)
        #expect(onTerminal.degraded(to: .ansi16) == Style(foreground: .indexed(0), background: .default), "the terminal's own background is unknown")
    }

    @Test func monochromeDropsEveryColor() {
        #expect(Color.rgb(255, 0, 0).degraded(to: .monochrome) == .default)
        #expect(Color.indexed(3).degraded(to: .monochrome) == .default)
        let style = Style(foreground: .rgb(9, 9, 9), background: .indexed(1), attributes: [.bold, .reverse])
        #expect(style.degraded(to: .monochrome) == Style(attributes: [.bold, .reverse]))
        #expect(Color.default.degraded(to: .palette256) == .default)
    }

    @Test func blendingMixesInRGB() {
        #expect(Color.rgb(0, 0, 0).blended(with: .rgb(200, 100, 50), fraction: 0.5) == .rgb(100, 50, 25))
        #expect(Color.rgb(0, 0, 0).blended(with: .rgb(200, 100, 50), fraction: 2) == .rgb(200, 100, 50))
        #expect(Color.indexed(196).blended(with: .rgb(255, 0, 0), fraction: 0) == .rgb(255, 0, 0))
    }

    @Test func descriptionsUseTheGoldenNotation() {
        #expect(Color.rgb(255, 10, 0xAB).description == "#ff0aab")
        #expect(Color.indexed(7).description == "idx7")
        #expect(
            Style(foreground: .default, background: .rgb(0, 0, 0), attributes: [.reverse, .bold]).description
                == "fg=default bg=#000000 +bold +reverse"
        )
    }
}
