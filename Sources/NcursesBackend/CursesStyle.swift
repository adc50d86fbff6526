import CNcurses
import TerminalUI

/// A `Style` in ncurses terms: attribute bits plus foreground and background color numbers.
///
/// Colors must already be degraded to the session's depth. On a terminal with only 8 colors, the
/// bright ANSI colors 8–15 become their dark twins, made bold when used as a foreground.
struct CursesStyle: Hashable {
    /// The `A_*` attribute bits.
    var attributes: attr_t
    /// The foreground color number; -1 is the terminal's default.
    var foreground: Int32
    /// The background color number; -1 is the terminal's default.
    var background: Int32

    /// A style of exactly these attribute bits and color numbers.
    init(attributes: attr_t, foreground: Int32, background: Int32) {
        self.attributes = attributes
        self.foreground = foreground
        self.background = background
    }

    /// Translates `style` for a terminal with `terminalColors` colors.
    /// - Parameters:
    ///   - style: a style already degraded to the session's color depth.
    ///   - terminalColors: ncurses' `COLORS`.
    ///   - hasDefaultColors: true when `use_default_colors` succeeded, so -1 may be used.
    init(_ style: Style, terminalColors: Int, hasDefaultColors: Bool) {
        var attributes = Self.attributes(for: style.attributes)
        var foreground = Self.colorNumber(style.foreground, terminalColors: terminalColors)
        let background = Self.colorNumber(style.background, terminalColors: terminalColors)
        if let number = background.number, foreground.number == number, style.foreground != style.background, terminalColors < 16 {
            // Two colors that fell on one, a bright one as its base color in bold on an 8-color
            // terminal (bold is not brighter everywhere): the foreground takes the nearest other.
            foreground = (Int32(style.foreground.nearestANSIIndex(among: 8, excluding: UInt8(number))), false)
        }
        if foreground.isBright { attributes |= POOLTOP_A_BOLD }
        self.attributes = attributes
        self.foreground = foreground.number ?? (hasDefaultColors ? -1 : Int32(COLOR_WHITE))
        self.background = background.number ?? (hasDefaultColors ? -1 : Int32(COLOR_BLACK))
    }

    /// The `A_*` bits for `attributes`.
    static func attributes(for attributes: TextAttributes) -> attr_t {
        var bits = POOLTOP_A_NORMAL
        if attributes.contains(.bold) { bits |= POOLTOP_A_BOLD }
        if attributes.contains(.dim) { bits |= POOLTOP_A_DIM }
        if attributes.contains(.reverse) { bits |= POOLTOP_A_REVERSE }
        if attributes.contains(.underline) { bits |= POOLTOP_A_UNDERLINE }
        if attributes.contains(.italic) { bits |= POOLTOP_A_ITALIC }
        return bits
    }

    // MARK: - Private

    /// A color number (nil for the default color) and whether it stands for a bright ANSI color
    /// the terminal lacks.
    private static func colorNumber(_ color: Color, terminalColors: Int) -> (number: Int32?, isBright: Bool) {
        switch color {
        case .default:
            return (nil, false)
        case .indexed(let index) where Int(index) < terminalColors:
            return (Int32(index), false)
        case .indexed(let index) where index >= 8 && index < 16 && terminalColors >= 8:
            return (Int32(index - 8), true)
        case .indexed, .rgb:
            guard terminalColors >= 8 else { return (nil, false) }
            let depth: ColorDepth = terminalColors >= 256 ? .palette256 : .ansi16
            guard case .indexed(let index) = color.degraded(to: depth), Int(index) < 16 || terminalColors >= 256 else {
                return (nil, false)
            }
            return colorNumber(.indexed(index), terminalColors: terminalColors)
        }
    }
}
