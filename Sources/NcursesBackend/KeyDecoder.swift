import CNcurses
import TerminalUI

/// Turns what `wget_wch` returned into a `Key`, and a mouse report into an `InputEvent`.
///
/// Pure functions of their inputs, so the mapping can be tested without a terminal.
enum KeyDecoder {
    /// The key for one `wget_wch` result.
    /// - Parameters:
    ///   - code: the value `wget_wch` stored: a `KEY_*` code when `isKeyCode` is true, otherwise a
    ///     Unicode scalar value (or a control code).
    ///   - isKeyCode: true when `wget_wch` returned `KEY_CODE_YES`.
    /// - Returns: the key, or nil for codes the dashboard has no use for.
    static func key(forCode code: Int32, isKeyCode: Bool) -> Key? {
        isKeyCode ? functionKey(code) : characterKey(code)
    }

    /// The event for a mouse report: a press or click of buttons 1–5 (4 and 5 are the wheel).
    /// - Parameters:
    ///   - column: the 0-based column of the pointer.
    ///   - row: the 0-based row of the pointer.
    ///   - buttonState: the report's `bstate` bits.
    /// - Returns: `.mouse(column:row:button:)`, or nil for releases, motion and other reports.
    static func mouseEvent(column: Int, row: Int, buttonState: UInt32) -> InputEvent? {
        let buttons: [(mask: mmask_t, button: Int)] = [
            (POOLTOP_BUTTON1_PRESSED | POOLTOP_BUTTON1_CLICKED, 1),
            (POOLTOP_BUTTON2_PRESSED | POOLTOP_BUTTON2_CLICKED, 2),
            (POOLTOP_BUTTON3_PRESSED | POOLTOP_BUTTON3_CLICKED, 3),
            (POOLTOP_BUTTON4_PRESSED, 4),
            (POOLTOP_BUTTON5_PRESSED, 5),
        ]
        guard let match = buttons.first(where: { buttonState & $0.mask != 0 }) else { return nil }
        return .mouse(column: column, row: row, button: match.button)
    }

    /// The mouse events the session asks ncurses to report.
    static var reportedMouseEvents: mmask_t {
        POOLTOP_BUTTON1_PRESSED | POOLTOP_BUTTON1_CLICKED | POOLTOP_BUTTON2_PRESSED
            | POOLTOP_BUTTON2_CLICKED | POOLTOP_BUTTON3_PRESSED | POOLTOP_BUTTON3_CLICKED
            | POOLTOP_BUTTON4_PRESSED | POOLTOP_BUTTON5_PRESSED
    }

    // MARK: - Private

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case pooltop_nc_key_f(1)...pooltop_nc_key_f(12): return .function(Int(code - pooltop_nc_key_f(0)))
        default: return nil
        }
    }

    private static func characterKey(_ code: Int32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let letter = Unicode.Scalar(UInt32(code) + 0x60) else { return nil }
            return .control(Character(letter))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .character(Character(scalar))
        }
    }
}
