import CNcurses
import Glibc

/// The process locale, which ncursesw needs to be UTF-8 to draw and read anything beyond ASCII.
enum TerminalLocale {
    /// Adopts the user's locale (`setlocale(LC_ALL, "")`); when its codeset is not UTF-8 (for
    /// example `LANG=C` or unset), switches character handling to `C.UTF-8`, which Debian always has.
    /// - Returns: true when the character codeset is UTF-8 afterwards.
    @discardableResult
    static func prepare() -> Bool {
        _ = setlocale(LC_ALL, "")
        if pooltop_nc_codeset_is_utf8() != 0 { return true }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return pooltop_nc_codeset_is_utf8() != 0
    }
}
