/// Something the terminal reported: a key, a mouse click, or a new size.
public enum InputEvent: Sendable, Hashable {
    /// A key press.
    case key(Key)
    /// A mouse button press at a cell (0-based column and row). `button` is 1 for the left button.
    case mouse(column: Int, row: Int, button: Int)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
}
