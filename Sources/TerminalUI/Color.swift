/// A terminal color as a theme names it, before it is fitted to what the terminal can show.
///
/// Themes speak in 24-bit RGB; `ColorDepth` degrades a color to the 256-color palette, to the 16
/// ANSI colors or to nothing (monochrome) at the last moment, in the backend.
public enum Color: Sendable, Hashable {
    /// The terminal's own default foreground or background.
    case `default`
    /// One of the 256 palette entries (0–15 are the ANSI colors).
    case indexed(UInt8)
    /// A 24-bit color.
    case rgb(UInt8, UInt8, UInt8)
}
