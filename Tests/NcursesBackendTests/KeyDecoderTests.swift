import Testing
import TerminalUI
@testable import NcursesBackend

/// The decoding table, with ncurses' key codes written out as numbers (from curses.h) so the
/// test checks the constants too.
struct KeyDecoderTests {
    @Test(arguments: [
        (Int32(259), Key.up), (258, .down), (260, .left), (261, .right),
        (339, .pageUp), (338, .pageDown), (262, .home), (360, .end),
        (343, .enter), (263, .backspace), (265, .function(1)), (269, .function(5)), (276, .function(12)),
    ])
    func functionKeys(code: Int32, key: Key) {
        #expect(KeyDecoder.key(forCode: code, isKeyCode: true) == key)
    }

    @Test(arguments: [
        (Int32(10), Key.enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (9, .tab), (1, .control("a")), (3, .control("c")), (26, .control("z")),
        (32, .character(" ")), (113, .character("q")), (43, .character("+")), (0xE9, .character("é")),
        (0x6F22, .character("漢")), (0x28FF, .character("⣿")),
    ])
    func characters(code: Int32, key: Key) {
        #expect(KeyDecoder.key(forCode: code, isKeyCode: false) == key)
    }

    @Test func unusedCodesGiveNoKey() {
        #expect(KeyDecoder.key(forCode: 277, isKeyCode: true) == nil)  // F13
        #expect(KeyDecoder.key(forCode: 330, isKeyCode: true) == nil)  // KEY_DC
        #expect(KeyDecoder.key(forCode: 0, isKeyCode: false) == nil)
        #expect(KeyDecoder.key(forCode: 28, isKeyCode: false) == nil)
        #expect(KeyDecoder.key(forCode: 0x85, isKeyCode: false) == nil)
        #expect(KeyDecoder.key(forCode: 0xD800, isKeyCode: false) == nil)  // a lone surrogate
    }

    @Test func mouseButtons() {
        #expect(KeyDecoder.mouseEvent(column: 10, row: 5, buttonState: 0x2) == .mouse(column: 10, row: 5, button: 1))
        #expect(KeyDecoder.mouseEvent(column: 0, row: 0, buttonState: 0x4) == .mouse(column: 0, row: 0, button: 1))
        #expect(KeyDecoder.mouseEvent(column: 3, row: 4, buttonState: 0x800) == .mouse(column: 3, row: 4, button: 3))
        #expect(KeyDecoder.mouseEvent(column: 1, row: 2, buttonState: 0x10000) == .mouse(column: 1, row: 2, button: 4))
        #expect(KeyDecoder.mouseEvent(column: 1, row: 2, buttonState: 0x1) == nil)  // button 1 released
        #expect(KeyDecoder.mouseEvent(column: 1, row: 2, buttonState: 0) == nil)
    }
}
