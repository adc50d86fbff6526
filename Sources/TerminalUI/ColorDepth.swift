/// How many colors the terminal can show; colors are degraded to fit at the last moment.
public enum ColorDepth: Sendable, Hashable, CaseIterable {
    /// 24-bit colors (`COLORTERM=truecolor`).
    case trueColor
    /// The xterm 256-color palette.
    case palette256
    /// The 16 ANSI colors (8 normal, 8 bright).
    case ansi16
    /// No colors at all (`NO_COLOR`, `--color never`): only attributes remain.
    case monochrome
}
