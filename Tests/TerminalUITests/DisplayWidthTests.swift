import Testing
@testable import TerminalUI

/// Display widths: the scalar-by-scalar path for panel text agrees with the walk by characters.
struct DisplayWidthTests {
    @Test func knownWidths() {
        #expect(DisplayWidth.of("pool 50") == 7)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("⣿─│✓ ◆ ◌ ↑↓ ✗ ·") == 15)
        #expect(DisplayWidth.of("a\tb") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("p99 1.2µs ▁▇") == 12)
    }

    @Test func everyScalarOfTheFastRangesAlone() {
        for range in [0xA0..<0x300, 0x2010..<0x2028, 0x2030..<0x2060, 0x2070..<0x20D0, 0x2100..<0x2C00] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "x" + String(Character(scalar)) + "─"
                #expect(DisplayWidth.of(text) == DisplayWidth.ofCharacters(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func mixedTextAgreesWithTheWalkByCharacters() {
        let pieces = ["a", "é", "─", "⣿", "漢", "\u{301}", "\u{200D}", "👍", "\u{1F3FD}", "\u{FE0F}", "\t", "·", "→", "🇫", "🇷",
                      "\u{2028}", "\u{20D7}", "가", "\u{1100}", "\u{1161}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(DisplayWidth.of(text) == DisplayWidth.ofCharacters(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
