/// Several lines of styled text, wrapped at word boundaries to the width of the area.
///
/// A newline in a span starts a new line. A word longer than the whole width is broken where it
/// reaches the edge; spaces where a line wraps are dropped. Lines below the area are cut off.
public struct Paragraph: Widget, Sendable, Hashable {
    /// The text, in pieces of one style each; `\n` inside a span breaks the line.
    public var spans: [Span]
    /// Where each line sits when it is narrower than the area.
    public var alignment: Alignment
    /// True to wrap long lines at word boundaries; false to cut them at the right edge.
    public var wraps: Bool

    /// Creates a paragraph from styled pieces.
    public init(spans: [Span], alignment: Alignment = .left, wraps: Bool = true) {
        self.spans = spans
        self.alignment = alignment
        self.wraps = wraps
    }

    /// Creates a paragraph of `text` in one `style`.
    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left, wraps: Bool = true) {
        self.init(spans: [Span(text, style: style)], alignment: alignment, wraps: wraps)
    }

    /// Draws as many lines as fit into `area`.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let lines = wrappedLines(width: area.width)
        for (offset, line) in lines.prefix(area.height).enumerated() {
            var lineWidth = 0
            for piece in line { lineWidth += piece.width }
            var column = area.x + alignment.offset(contentWidth: lineWidth, available: area.width)
            let clip = area.row(offset)
            for piece in line {
                buffer[column, clip.y] = Cell(piece.character, style: piece.style)
                if piece.width == 2 {
                    if column + 1 < clip.maxX {
                        buffer[column + 1, clip.y] = Cell(" ", style: piece.style, isContinuation: true)
                    } else {
                        buffer[column, clip.y] = Cell(" ", style: piece.style)
                    }
                }
                column += piece.width
                if column >= clip.maxX { break }
            }
        }
    }

    /// The number of rows the paragraph needs at `width` columns.
    public func height(forWidth width: Int) -> Int {
        wrappedLines(width: width).count
    }

    // MARK: - Wrapping

    /// One character with its style and display width.
    struct Piece: Hashable {
        var character: Character
        var style: Style
        var width: Int
    }

    /// The text split into lines that each fit `width` columns (when wrapping).
    func wrappedLines(width: Int) -> [[Piece]] {
        guard width > 0 else { return [] }
        var hardLines: [[Piece]] = [[]]
        for span in spans {
            for character in span.text {
                if character == "\n" {
                    hardLines.append([])
                    continue
                }
                let w = DisplayWidth.of(character)
                if w == 0 { continue }
                hardLines[hardLines.count - 1].append(Piece(character: character, style: span.style, width: w))
            }
        }
        guard wraps else { return hardLines }
        var result: [[Piece]] = []
        for line in hardLines { Paragraph.wrap(line, width: width, into: &result) }
        return result
    }

    /// Greedy word wrap of one hard line.
    private static func wrap(_ line: [Piece], width: Int, into result: inout [[Piece]]) {
        var current: [Piece] = []
        var currentWidth = 0
        var index = 0
        if line.isEmpty { result.append([]); return }
        while index < line.count {
            if line[index].character == " " {
                // A run of spaces: keep it only if the next word still starts on this line.
                var end = index
                var spaceWidth = 0
                while end < line.count, line[end].character == " " { spaceWidth += 1; end += 1 }
                if currentWidth + spaceWidth < width, end < line.count {
                    current.append(contentsOf: line[index..<end])
                    currentWidth += spaceWidth
                } else if end < line.count, !current.isEmpty {
                    result.append(current)
                    current = []
                    currentWidth = 0
                }
                index = end
                continue
            }
            var end = index
            var wordWidth = 0
            while end < line.count, line[end].character != " " { wordWidth += line[end].width; end += 1 }
            if currentWidth + wordWidth > width, !current.isEmpty {
                while current.last?.character == " " { current.removeLast() }
                result.append(current)
                current = []
                currentWidth = 0
            }
            for piece in line[index..<end] {
                if currentWidth + piece.width > width, !current.isEmpty {
                    result.append(current)
                    current = []
                    currentWidth = 0
                }
                current.append(piece)
                currentWidth += piece.width
            }
            index = end
        }
        result.append(current)
    }
}
