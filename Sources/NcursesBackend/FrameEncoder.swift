import CNcurses
import TerminalUI

/// Turns the cells that changed between two frames into the bytes that show them: cursor
/// movements and attribute and color changes from the terminal's terminfo entry, then UTF-8 text.
///
/// This is the part of drawing that ncurses' `doupdate` did. The frame's diff already says which
/// cells changed, so the encoder only has to write them, and it keeps every escape sequence it
/// has built (colors, cursor addresses) instead of expanding terminfo strings again each time.
/// It remembers what it left on the terminal, the pen (attributes and colors) and the cursor,
/// so a run of cells in one style is one color change and consecutive cells need no movement.
/// Every frame ends with the attributes reset and the cursor home, where ncurses last left it,
/// so whatever ncurses writes itself (after a resize, on Ctrl-Z, at the end) starts from the
/// state ncurses assumes.
struct FrameEncoder {
    /// The escape sequences to use.
    let capabilities: TerminalCapabilities
    /// The depth styles are degraded to.
    let colorDepth: ColorDepth
    /// ncurses' `COLORS` (0 in monochrome).
    let terminalColors: Int
    /// True when the terminal's default colors may be asked for (`use_default_colors`).
    let hasDefaultColors: Bool

    /// The pen on the terminal; nil when unknown (before the first frame).
    private var pen: CursesStyle?
    /// The style the pen was set for, so unchanged cells in it can be written again instead of
    /// moving the cursor over them.
    private var penSource: Style?
    /// The cursor's position; nil when unknown (before a frame, after the last column).
    private var cursor: (row: Int, column: Int)?
    /// The styles translated so far (a theme has a few dozen; degrading 24-bit colors to the
    /// palette is a search, so each is done once).
    private var translations: [Style: CursesStyle] = [:]
    /// `setaf` and `setab` expanded, by color number.
    private var foregrounds: [[UInt8]?] = Array(repeating: nil, count: 256)
    private var backgrounds: [[UInt8]?] = Array(repeating: nil, count: 256)
    /// `cup` expanded, by `row * addressWidth + column`; empty until first used.
    private var addresses: [[UInt8]] = []
    /// The screen width `addresses` is laid out for.
    private var addressWidth = 0
    /// The frame being encoded (kept, with its capacity, from frame to frame).
    private var output: [UInt8] = []

    /// True when `cup` is ANSI's `ESC [ row ; column H` (1-based), which is then written directly:
    /// no table, whose scattered entries cost a cache miss or two a movement in a 10 fps frame.
    private let addressesAreANSI: Bool

    /// The pen after `sgr0` and `op`: no attributes, default colors.
    private static let resetPen = CursesStyle(attributes: POOLTOP_A_NORMAL, foreground: -1, background: -1)

    /// An encoder for a terminal with `capabilities`.
    init(capabilities: TerminalCapabilities, colorDepth: ColorDepth, terminalColors: Int, hasDefaultColors: Bool) {
        self.capabilities = capabilities
        self.colorDepth = colorDepth
        self.terminalColors = terminalColors
        self.hasDefaultColors = hasDefaultColors
        addressesAreANSI = capabilities.cursorAddress.map { format in
            TerminalCapabilities.withoutPadding(format.dropLast().map { UInt8(bitPattern: $0) }) == Array("\u{1B}[%i%p1%d;%p2%dH".utf8)
        } ?? false
        output.reserveCapacity(16_384)
    }

    /// The bytes that turn the screen into `buffer`, given the cells that changed.
    /// - Parameters:
    ///   - changes: the changed cells, in row-major order (`CellBuffer.changes(to:)`).
    ///   - buffer: the frame they come from (for wide characters and cells skipped over).
    ///   - screen: the screen's size; cells beyond it are dropped.
    ///   - clearingFirst: clear the screen before writing (the blank cells are then skipped).
    /// - Returns: the bytes, and how many cells they write.
    mutating func encode(
        _ changes: [CellChange], of buffer: CellBuffer, screen: (width: Int, height: Int), clearingFirst: Bool
    ) -> (bytes: [UInt8], cellsWritten: Int) {
        output.removeAll(keepingCapacity: true)
        if !addressesAreANSI && (addressWidth != screen.width || addresses.count != screen.width * screen.height) {
            addressWidth = screen.width
            addresses = Array(repeating: [], count: screen.width * screen.height)
        }
        var written = 0
        if clearingFirst {
            resetPen()
            output += capabilities.clearScreen
            cursor = (0, 0)
        }
        for change in changes where change.column < screen.width && change.row < screen.height {
            let cell = change.cell
            // A cleared screen is blank in the terminal's own colors: a blank cell needs writing
            // only when its colors cannot be those (no default colors: white on black instead).
            if clearingFirst && cell == .blank && (hasDefaultColors || colorDepth == .monochrome) { continue }
            let (row, column) = (change.row, change.column)
            let wide = column + 1 < screen.width && buffer[column + 1, row].isContinuation
            if capabilities.scrollsAtBottomRight && row == screen.height - 1 && column + (wide ? 2 : 1) >= screen.width {
                continue  // writing there would scroll the whole screen up a line
            }
            let width = Self.terminalWidth(of: cell)
            if wide && width == 1 {
                // Laid out two columns wide (an emoji with its presentation selector) but one to the
                // terminal's wcwidth: terminals disagree on it. Blank the right cell first, then the
                // character covers it or leaves it blank; the cursor is then unknown.
                move(toRow: row, column: column + 1, in: buffer)
                setPen(for: cell.style)
                output.append(0x20)
                cursor = nil
            }
            move(toRow: row, column: column, in: buffer)
            setPen(for: cell.style)
            let advance = appendGlyph(of: cell, width: width, wide: wide)
            cursor = wide && width == 1 ? nil : column + advance < screen.width ? (row, column + advance) : nil
            written += 1
        }
        if let pen, pen != Self.resetPen { resetPen() }
        let home = cursor.map { $0 == (0, 0) } ?? false
        if !output.isEmpty && !home {
            if capabilities.cursorHome.isEmpty { appendAddress(row: 0, column: 0) } else { output += capabilities.cursorHome }
            cursor = (0, 0)
        }
        return (output, written)
    }

    /// Forgets where the cursor is, for when something else (ncurses) wrote to the terminal.
    mutating func forgetCursor() {
        cursor = nil
        pen = nil
        penSource = nil
    }

    // MARK: - Private

    /// Moves the cursor to (`row`, `column`): nothing when it is there, the cells in between again
    /// when they are few and in the current pen (fewer bytes than an address), else `cup`.
    private mutating func move(toRow row: Int, column: Int, in buffer: CellBuffer) {
        if let cursor, cursor.row == row {
            if cursor.column == column { return }
            let gap = column - cursor.column
            if gap > 0 && gap <= 4, let penSource, (cursor.column..<column).allSatisfy({ skipped in
                let cell = buffer[skipped, row]
                return cell.style == penSource && !cell.isContinuation && cell.marks == 0 && cell.base.value >= 0x20 && cell.base.value < 0x7F
            }) {
                for skipped in cursor.column..<column { output.append(UInt8(truncatingIfNeeded: buffer[skipped, row].base.value)) }
                return
            }
        }
        appendAddress(row: row, column: column)
    }

    /// Appends `cup` for (`row`, `column`), expanded once per position.
    private mutating func appendAddress(row: Int, column: Int) {
        if addressesAreANSI {
            output.append(0x1B)
            output.append(UInt8(ascii: "["))
            appendDecimal(row + 1)
            output.append(UInt8(ascii: ";"))
            appendDecimal(column + 1)
            output.append(UInt8(ascii: "H"))
            return
        }
        let index = row * addressWidth + column
        if addresses[index].isEmpty {
            addresses[index] = TerminalCapabilities.expand(capabilities.cursorAddress, Int32(row), Int32(column))
        }
        output.append(contentsOf: addresses[index])
    }

    /// Appends `value` (positive) in decimal digits.
    private mutating func appendDecimal(_ value: Int) {
        var divisor = 1
        while divisor * 10 <= value { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Changes the terminal's pen to `style`, writing only what differs.
    private mutating func setPen(for style: Style) {
        if penSource == style { return }
        let next = translation(of: style)
        penSource = style
        if pen == next { return }
        var current = pen ?? Self.resetPen
        let dropsSomething = current.attributes & ~next.attributes != 0
            || (next.foreground < 0 && current.foreground >= 0) || (next.background < 0 && current.background >= 0)
        if pen == nil || dropsSomething {
            appendReset()
            current = Self.resetPen
        }
        for (bit, sequence) in capabilities.attributeOn where next.attributes & bit != 0 && current.attributes & bit == 0 {
            output += sequence
        }
        if next.foreground >= 0 && next.foreground != current.foreground {
            output += Self.color(next.foreground, in: &foregrounds, capability: capabilities.setForeground)
        }
        if next.background >= 0 && next.background != current.background {
            output += Self.color(next.background, in: &backgrounds, capability: capabilities.setBackground)
        }
        pen = next
    }

    /// Resets the pen to no attributes and the default colors.
    private mutating func resetPen() {
        appendReset()
        pen = Self.resetPen
        penSource = nil
    }

    private mutating func appendReset() {
        output += capabilities.resetAttributes
        if colorDepth != .monochrome { output += capabilities.resetColors }
    }

    /// `style` in the terminal's terms; no colors in monochrome.
    private mutating func translation(of style: Style) -> CursesStyle {
        if let known = translations[style] { return known }
        var translated = CursesStyle(style.degraded(to: colorDepth), terminalColors: terminalColors, hasDefaultColors: hasDefaultColors)
        if colorDepth == .monochrome { (translated.foreground, translated.background) = (-1, -1) }
        if translated.foreground >= 0 || translated.background >= 0 { translated.attributes &= ~capabilities.noColorVideo }
        if translations.count >= 4_096 { translations.removeAll(keepingCapacity: true) }
        translations[style] = translated
        return translated
    }

    /// The sequence setting color `number`, expanded once.
    private static func color(_ number: Int32, in cache: inout [[UInt8]?], capability: [CChar]?) -> [UInt8] {
        let index = Int(number)
        guard index < cache.count else { return TerminalCapabilities.expand(capability, number) }
        if let sequence = cache[index] { return sequence }
        let sequence = TerminalCapabilities.expand(capability, number)
        cache[index] = sequence
        return sequence
    }

    /// The columns the terminal gives `cell`'s first scalar (its `wcwidth`): -1 for one it cannot
    /// print (control characters), 0 for one that takes no column of its own.
    private static func terminalWidth(of cell: Cell) -> Int {
        let value = cell.base.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return -1 }
        if value < 0x1100 { return 1 }
        // Box drawing, blocks and braille are one column everywhere (glibc agrees), except the
        // two medium small squares, which Unicode made wide: no need to ask for the rest.
        if ((0x2500..<0x2600).contains(value) && value != 0x25FD && value != 0x25FE) || (0x2800..<0x2900).contains(value) {
            return 1
        }
        return Int(pooltop_nc_wcwidth(wchar_t(bitPattern: value)))
    }

    /// Appends `cell`'s character as UTF-8: its first scalar, `width` columns wide on the
    /// terminal, and up to three combining ones. Control characters, a lone zero-width scalar,
    /// and characters the terminal would draw wider than the buffer laid them out (which would
    /// shift everything after them) become a space. Further scalars that take columns of their
    /// own (a skin tone, the second emoji of a joined pair) are left out: a terminal may draw
    /// them beside the first.
    /// - Returns: the columns the cursor moves.
    private mutating func appendGlyph(of cell: Cell, width: Int, wide: Bool) -> Int {
        if width <= 0 || (width == 2 && !wide) {
            output.append(0x20)
            return 1
        }
        let value = cell.base.value
        if value < 0x80 && cell.marks == 0 {
            output.append(UInt8(truncatingIfNeeded: value))
            return 1
        }
        appendUTF8(value)
        var rest = cell.marks
        while rest != 0 {
            let mark = UInt32(truncatingIfNeeded: rest & 0x1F_FFFF)
            if pooltop_nc_wcwidth(wchar_t(bitPattern: mark)) == 0 { appendUTF8(mark) }
            rest >>= 21
        }
        return width == 2 ? 2 : 1
    }

    /// Appends the scalar `value` in UTF-8.
    private mutating func appendUTF8(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value) else { return }
        UTF8.encode(scalar) { output.append($0) }
    }
}
