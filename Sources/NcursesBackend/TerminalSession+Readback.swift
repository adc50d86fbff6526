import CNcurses
import Glibc
import TerminalUI

/// One cell as ncurses holds it after drawing, for tests that check what `draw(_:)` did.
struct ScreenCell: Hashable {
    /// The cell's first scalar, as a character.
    var character: Character
    /// The attributes, translated back from `A_*` bits.
    var attributes: TextAttributes
    /// The color pair id.
    var pair: Int32
    /// The pair's foreground color number (-1 for the default).
    var foreground: Int32
    /// The pair's background color number (-1 for the default).
    var background: Int32
}

extension TerminalSession {
    /// The text ncurses holds for screen row `row`, wide characters once, trailing spaces kept.
    func screenLine(_ row: Int) -> String {
        _ = set_term(screen)
        let width = size.width
        var text = [wchar_t](repeating: 0, count: width + 1)
        let count = mvwinnwstr(window, Int32(row), 0, &text, Int32(width))
        guard count != ERR else { return "" }
        return String(String.UnicodeScalarView(text.prefix(while: { $0 != 0 }).compactMap {
            Unicode.Scalar(UInt32(bitPattern: $0))
        }))
    }

    /// The cell ncurses holds at (`column`, `row`), or nil outside the screen.
    func screenCell(column: Int, row: Int) -> ScreenCell? {
        _ = set_term(screen)
        var character: wchar_t = 0
        var bits: attr_t = 0
        var pair: Int32 = 0
        guard pooltop_nc_read_cell(window, Int32(row), Int32(column), &character, &bits, &pair) == OK,
              let scalar = Unicode.Scalar(UInt32(bitPattern: character)) else { return nil }
        var foreground: Int32 = -1
        var background: Int32 = -1
        if colorDepth != .monochrome {
            _ = extended_pair_content(pair, &foreground, &background)
        }
        return ScreenCell(
            character: Character(scalar), attributes: CursesStyle.textAttributes(for: bits),
            pair: pair, foreground: foreground, background: background
        )
    }

    /// The number of bytes a testing session has sent to its terminal so far; 0 for a real one.
    var bytesWritten: Int {
        guard let output = testingOutput else { return 0 }
        fflush(output)
        return ftell(output)
    }
}
