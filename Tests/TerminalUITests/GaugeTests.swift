import Testing

@testable import TerminalUI

@Suite("Gauge")
struct GaugeTests {
    @Test func fillsInEighths() {
        #expect(Gauge(fraction: 0).rendered(width: 4).lines == ["    "])
        #expect(Gauge(fraction: 0.5).rendered(width: 4).lines == ["██  "])
        #expect(Gauge(fraction: 0.3).rendered(width: 4).lines == ["█▎  "])
        #expect(Gauge(fraction: 1 / 32).rendered(width: 4).lines == ["▏   "])
        #expect(Gauge(fraction: 1).rendered(width: 4).lines == ["████"])
        #expect(Gauge(fraction: 7).rendered(width: 2).lines == ["██"])
        #expect(Gauge(fraction: .nan).rendered(width: 2).lines == ["  "])
    }

    @Test func emptyPartUsesTheEmptyGlyphAndStyle() {
        let empty = Style(foreground: .indexed(8))
        let buffer = Gauge(
            fraction: 0.25,
            filledStyle: Style(foreground: .indexed(2)),
            emptyStyle: empty,
            emptyGlyph: "·"
        )
        .rendered(width: 4)
        #expect(buffer.lines == ["█···"])
        #expect(buffer[0, 0].style == Style(foreground: .indexed(2)))
        #expect(buffer[1, 0].style == empty)
    }

    @Test func labelIsCenteredAndReadableOverTheFill() {
        let filled = Style(foreground: .indexed(2), background: .indexed(0))
        let buffer = Gauge(fraction: 0.5, label: "50%", filledStyle: filled).rendered(width: 8, height: 3)
        #expect(buffer.lines == ["████    ", "██50%   ", "████    "])
        #expect(buffer[2, 1].style == Style(foreground: .indexed(0), background: .indexed(2)))
        #expect(buffer[4, 1].style == .plain)
        let plain = Gauge(fraction: 1, label: "x").rendered(width: 3)
        #expect(plain.lines == ["█x█"])
        #expect(plain[1, 0].style == Style(attributes: .reverse))
    }
}
