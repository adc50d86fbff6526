/// A piece of text in one style: the unit labels, paragraphs and tables are made of.
public struct Span: Sendable, Hashable {
    /// The characters of the span.
    public var text: String
    /// The style every character of the span is drawn in.
    public var style: Style

    /// Creates a span of `text` in `style`.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// The number of terminal columns the span takes.
    public var width: Int { DisplayWidth.of(text) }
}

extension Span: ExpressibleByStringLiteral {
    /// Creates a span in the plain style from a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension CellBuffer {
    /// Writes `spans` one after the other from (`x`, `y`), clipped to `clip`.
    /// - Returns: the column just after the last span.
    @discardableResult
    mutating func write(_ spans: [Span], x: Int, y: Int, clip: Rect) -> Int {
        var column = x
        for span in spans {
            if column >= clip.maxX { break }
            column = write(span.text, x: column, y: y, style: span.style, clip: clip)
        }
        return column
    }
}
