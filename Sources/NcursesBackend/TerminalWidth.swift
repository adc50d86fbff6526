import Glibc

/// The width of a terminal, for tools that print wide text without opening a screen.
public enum TerminalWidth {
    /// The columns of the terminal on standard output, clamped to 60...200; nil when standard
    /// output is not a terminal.
    public static func ofStandardOutput() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return min(200, max(60, Int(size.ws_col)))
    }
}
