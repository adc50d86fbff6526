import Testing

@testable import TerminalUI

@Suite("SlotGrid")
struct SlotGridTests {
    private func glyphs(_ text: String) -> [SlotGlyph] {
        text.map { SlotGlyph($0, isBusy: $0 != ".") }
    }

    @Test func slotsWrapIntoRowsWithGaps() {
        let grid = SlotGrid(slots: glyphs("abcde"), gap: 1)
        #expect(grid.rendered(width: 6, height: 2).lines == ["a b c ", "d e   "])
        #expect(grid.capacity(for: Rect(x: 0, y: 0, width: 6, height: 2)) == 6)
        #expect(SlotGrid(slots: glyphs("abcde")).rendered(width: 3, height: 2).lines == ["abc", "de "])
    }

    @Test func clickedCellsMapBackToSlots() {
        let grid = SlotGrid(slots: glyphs("abcde"), gap: 1)
        let area = Rect(x: 2, y: 1, width: 6, height: 2)
        #expect(grid.slotIndex(atColumn: 2, row: 1, in: area) == 0)
        #expect(grid.slotIndex(atColumn: 4, row: 1, in: area) == 1)
        #expect(grid.slotIndex(atColumn: 4, row: 2, in: area) == 4)
        #expect(grid.slotIndex(atColumn: 3, row: 1, in: area) == nil)
        #expect(grid.slotIndex(atColumn: 6, row: 2, in: area) == nil)
        #expect(grid.slotIndex(atColumn: 0, row: 1, in: area) == nil)
        #expect(grid.cellPosition(ofSlot: 4, in: area)! == (4, 2))
        #expect(grid.cellPosition(ofSlot: 5, in: area) == nil)
    }

    @Test func tooManySlotsFoldIntoAHeatStrip() {
        let grid = SlotGrid(slots: glyphs("abcd" + "a..." + "ab.." + "abc." + "..."))
        let area = Rect(x: 0, y: 0, width: 5, height: 1)
        #expect(grid.isFolded(in: area))
        #expect(grid.slotsPerCell(in: area) == 4)
        #expect(grid.rendered(width: 5).lines == ["█░▒▓ "])
        #expect(grid.slotIndex(atColumn: 0, row: 0, in: area) == nil)
        #expect(grid.cellPosition(ofSlot: 0, in: area) == nil)
    }

    @Test func heatLevelsUseTheirStyles() {
        let styles = (0..<5).map { Style(foreground: .indexed(UInt8($0))) }
        let grid = SlotGrid(slots: glyphs("aa.." + "...."), heatStyles: styles)
        let buffer = grid.rendered(width: 1, height: 2)
        #expect(buffer.lines == ["▒", " "])
        #expect(buffer[0, 0].style == styles[2])
        #expect(buffer[0, 1].style == styles[0])
    }

    @Test func slotsKeepTheirOwnStyles() {
        let busy = Style(foreground: .indexed(3), attributes: .bold)
        let buffer = SlotGrid(slots: [SlotGlyph("●", style: busy, isBusy: true), SlotGlyph("·")]).rendered(width: 3)
        #expect(buffer.lines == ["●· "])
        #expect(buffer[0, 0].style == busy)
    }

    @Test func emptyAreaHasNoCapacity() {
        let grid = SlotGrid(slots: glyphs("ab"), gap: 2)
        #expect(grid.capacity(for: Rect(x: 0, y: 0, width: 0, height: 3)) == 0)
        #expect(grid.capacity(for: Rect(x: 0, y: 0, width: 4, height: 3)) == 6)
        #expect(SlotGrid.heatLevel(busy: 0, of: 5) == 0)
        #expect(SlotGrid.heatLevel(busy: 5, of: 5) == 4)
    }

    @Test func labelsFollowTheirGlyphsPaddedToTheLongest() {
        let grid = SlotGrid(slots: glyphs("a.b"), gap: 2, labels: ["4711", "4712", "99"])
        #expect(grid.cellWidth == 6)
        #expect(grid.rendered(width: 14, height: 2).lines == ["a 4711  . 4712", "b 99          "])
        let area = Rect(x: 0, y: 0, width: 14, height: 2)
        #expect(grid.slotIndex(atColumn: 0, row: 0, in: area) == 0)
        #expect(grid.slotIndex(atColumn: 5, row: 0, in: area) == 0)
        #expect(grid.slotIndex(atColumn: 6, row: 0, in: area) == nil)
        #expect(grid.slotIndex(atColumn: 9, row: 0, in: area) == 1)
        #expect(grid.slotIndex(atColumn: 3, row: 1, in: area) == 2)
        #expect(grid.cellPosition(ofSlot: 1, in: area)! == (8, 0))
        #expect(grid.capacity(for: area) == 4)
    }
    @Test("the blanks after a slot take its foreground on the grid's background, unless the background shows it")
    func gapsTakeTheForegroundOfTheSlotBeforeThem() {
        let panel = Style(foreground: .indexed(7), background: .indexed(234))
        let orange = Style(foreground: .indexed(215), background: .indexed(234))
        let blue = Style(foreground: .indexed(117), background: .indexed(234), attributes: .bold)
        let slots = [SlotGlyph("█", style: orange, isBusy: true), SlotGlyph("█", style: blue, isBusy: true)]
        let buffer = SlotGrid(slots: slots, gap: 2, background: panel).rendered(width: 8)
        #expect(buffer.lines == ["█  █    "])
        #expect((1...2).allSatisfy { buffer[$0, 0].style == Style(foreground: .indexed(215), background: .indexed(234)) })
        #expect((4...5).allSatisfy { buffer[$0, 0].style == Style(foreground: .indexed(117), background: .indexed(234)) })
        #expect((6...7).allSatisfy { buffer[$0, 0].style == panel }, "after the last slot's gap: the background")
        // An underlined (or reversed) background shows its foreground: the gaps keep it.
        let underlined = Style(foreground: .indexed(7), background: .indexed(234), attributes: .underline)
        let shown = SlotGrid(slots: slots, gap: 2, background: underlined).rendered(width: 8)
        #expect((1...2).allSatisfy { shown[$0, 0].style == underlined })
    }
}
