import TerminalUI

/// Whether the dashboard may use colors: the `--color auto|always|never` choice.
public enum ColorMode: String, Sendable, Hashable, CaseIterable {
    /// Colors when the terminal has them and `NO_COLOR` is not set.
    case auto
    /// Colors whenever the terminal has them, even with `NO_COLOR` set.
    case always
    /// No colors; emphasis by bold, dim and reverse only.
    case never

    /// The color depth to draw with on a terminal that reports `terminalColors` colors.
    ///
    /// Terminals with 256 colors or more get the 256-color palette (24-bit colors are drawn as
    /// their nearest palette entry, since ncurses cannot send them without a direct-color
    /// terminfo entry); 8 or 16 colors give the ANSI colors; fewer give monochrome.
    /// - Parameters:
    ///   - terminalColors: the terminal's color count (terminfo `colors`; 0 or less for none).
    ///   - noColor: the value of the `NO_COLOR` environment variable, if set. A non-empty value
    ///     turns colors off in `auto` mode.
    /// - Returns: the depth `Style.degraded(to:)` should fit colors to.
    public func colorDepth(terminalColors: Int, noColor: String?) -> ColorDepth {
        switch self {
        case .never:
            return .monochrome
        case .auto where !(noColor ?? "").isEmpty:
            return .monochrome
        case .auto, .always:
            if terminalColors >= 256 { return .palette256 }
            if terminalColors >= 8 { return .ansi16 }
            return .monochrome
        }
    }
}
