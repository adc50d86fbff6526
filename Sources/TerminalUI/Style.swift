/// Foreground, background and attributes: everything about a cell except its character.
public struct Style: Sendable, Hashable {
    /// The color of the character.
    public var foreground: Color
    /// The color behind the character.
    public var background: Color
    /// Bold, dim, reverse and the like.
    public var attributes: TextAttributes

    /// Creates a style; every part defaults to the terminal's own.
    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colors with no attributes.
    public static let plain = Style()
}
