/// One line of styled text, aligned in its area and cut short when it does not fit.
///
/// The label draws on the first row of its area and only where it has text; the rest of the row
/// keeps what was there (fill the area first for a background).
public struct Label: Widget, Sendable, Hashable {
    /// How a label that is too wide for its area is shortened.
    public enum Overflow: Sendable, Hashable {
        /// Cut off at the edge.
        case clip
        /// Cut off one column earlier and end in `…`.
        case ellipsis
    }

    /// The text, in pieces of one style each.
    public var spans: [Span]
    /// Where the text sits when it is narrower than the area.
    public var alignment: Alignment
    /// What happens when the text is wider than the area.
    public var overflow: Overflow

    /// Creates a label from styled pieces.
    public init(spans: [Span], alignment: Alignment = .left, overflow: Overflow = .clip) {
        self.spans = spans
        self.alignment = alignment
        self.overflow = overflow
    }

    /// Creates a label of `text` in one `style`.
    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left, overflow: Overflow = .clip) {
        self.init(spans: [Span(text, style: style)], alignment: alignment, overflow: overflow)
    }

    /// The number of columns the whole text takes.
    public var width: Int {
        var total = 0
        for span in spans { total += span.width }
        return total
    }

    /// Draws the text on the first row of `area`.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        let contentWidth = width
        if contentWidth <= area.width || overflow == .clip {
            let x = area.x + alignment.offset(contentWidth: contentWidth, available: area.width)
            buffer.write(spans, x: x, y: area.y, clip: line)
            return
        }
        // Too wide, with an ellipsis: keep whole characters up to one column short of the edge.
        let budget = area.width - 1
        var kept = 0
        var lastStyle = spans.first?.style ?? .plain
        search: for span in spans {
            for character in span.text {
                let w = DisplayWidth.of(character)
                if kept + w > budget { break search }
                kept += w
                lastStyle = span.style
            }
        }
        buffer.write(spans, x: area.x, y: area.y, clip: Rect(x: area.x, y: area.y, width: kept, height: 1))
        buffer[area.x + kept, area.y] = Cell("…", style: lastStyle)
        if kept < budget {
            // A wide character did not fit: blank the column it would have started in.
            buffer.fill(
                Rect(x: area.x + kept + 1, y: area.y, width: budget - kept, height: 1),
                with: Cell(" ", style: lastStyle)
            )
        }
    }
}
