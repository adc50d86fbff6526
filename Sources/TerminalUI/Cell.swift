/// One character position on the screen.
///
/// A wide character (display width 2) occupies its own cell and the cell to its right, which is
/// marked as a continuation and is skipped when the buffer is drawn or printed.
public struct Cell: Sendable, Hashable {
    /// The character shown; a space for an empty cell.
    public var character: Character
    /// The colors and attributes of the cell.
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    /// Creates a cell; by default an empty one in the plain style.
    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    /// An empty cell in the default style.
    public static let blank = Cell()
}
