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
