/// A key press, decoded from whatever the terminal sent.
public enum Key: Sendable, Hashable {
    /// A printable character, including space (`.character(" ")`).
    case character(Character)
    /// An arrow key.
    case up, down, left, right
    /// A navigation key.
    case pageUp, pageDown, home, end
    /// An editing or control key.
    case enter, escape, tab, backspace
    /// A control combination, e.g. `.control("c")` for Ctrl-C (in raw mode).
    case control(Character)
    /// A function key, F1 = `.function(1)`.
    case function(Int)
}
