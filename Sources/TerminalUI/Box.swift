/// A border around an area, with an optional title on the left and another on the right of the top
/// border: `╭─ Title ───── right ─╮`.
///
/// Draw the content into `inner(of:)`, the area inside the border.
public struct Box: Widget, Sendable, Hashable {
    /// The shape of the four corners.
    public enum Corners: Sendable, Hashable {
        /// `╭╮╰╯`
        case rounded
        /// `┌┐└┘`
        case square
    }

    /// The title shown near the left end of the top border (nothing when empty).
    public var title: [Span]
    /// The title shown near the right end of the top border (nothing when empty).
    public var rightTitle: [Span]
    /// The style of the border lines.
    public var borderStyle: Style
    /// The corner shape.
    public var corners: Corners
    /// When set, the inside is filled with blanks in this style before anything else is drawn.
    public var fill: Style?

    /// Creates a box.
    /// - Parameters:
    ///   - title: the left title; a titles wider than the border is cut short with `…`.
    ///   - rightTitle: the right title; dropped when it would run into the left one.
    ///   - borderStyle: the style of the border lines.
    ///   - corners: rounded (default) or square corners.
    ///   - fill: the style the inside is cleared to, or `nil` to leave it alone.
    public init(
        title: [Span] = [],
        rightTitle: [Span] = [],
        borderStyle: Style = .plain,
        corners: Corners = .rounded,
        fill: Style? = nil
    ) {
        self.title = title
        self.rightTitle = rightTitle
        self.borderStyle = borderStyle
        self.corners = corners
        self.fill = fill
    }

    /// Creates a box with a plain-text title in `titleStyle`.
    public init(
        title: String,
        titleStyle: Style = .plain,
        borderStyle: Style = .plain,
        corners: Corners = .rounded,
        fill: Style? = nil
    ) {
        self.init(
            title: title.isEmpty ? [] : [Span(title, style: titleStyle)],
            borderStyle: borderStyle,
            corners: corners,
            fill: fill
        )
    }

    /// The area inside the border of a box drawn in `area` (empty when the box has no inside).
    public func inner(of area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Draws the border, the titles and the fill.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        let inside = inner(of: area)
        if let fill { buffer.fill(inside, with: Cell(" ", style: fill)) }
        let (topLeft, topRight, bottomLeft, bottomRight): (Character, Character, Character, Character) =
            corners == .rounded ? ("╭", "╮", "╰", "╯") : ("┌", "┐", "└", "┘")
        let horizontal = Cell("─", style: borderStyle), vertical = Cell("│", style: borderStyle)
        buffer.fill(Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), with: horizontal)
        buffer.fill(Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1), with: horizontal)
        buffer.fill(Rect(x: area.x, y: area.y + 1, width: 1, height: area.height - 2), with: vertical)
        buffer.fill(Rect(x: area.maxX - 1, y: area.y + 1, width: 1, height: area.height - 2), with: vertical)
        buffer[area.x, area.y] = Cell(topLeft, style: borderStyle)
        buffer[area.maxX - 1, area.y] = Cell(topRight, style: borderStyle)
        buffer[area.x, area.maxY - 1] = Cell(bottomLeft, style: borderStyle)
        buffer[area.maxX - 1, area.maxY - 1] = Cell(bottomRight, style: borderStyle)
        renderTitles(in: area, buffer: &buffer)
    }

    /// Titles sit between `─ ` and ` ─`: two columns in from each corner, with a blank on each side.
    private func renderTitles(in area: Rect, buffer: inout CellBuffer) {
        // Columns between "╭─" and "─╮".
        let available = area.width - 4
        guard available >= 3 else { return }
        var leftEnd = area.x + 2
        if !title.isEmpty {
            let label = Label(spans: title, overflow: .ellipsis)
            let width = min(label.width, available - 2)
            let space = Cell(" ", style: borderStyle)
            buffer[area.x + 2, area.y] = space
            label.render(in: Rect(x: area.x + 3, y: area.y, width: width, height: 1), buffer: &buffer)
            buffer[area.x + 3 + width, area.y] = space
            leftEnd = area.x + 4 + width
        }
        guard !rightTitle.isEmpty else { return }
        let label = Label(spans: rightTitle)
        let start = area.maxX - 3 - label.width - 1
        guard start > leftEnd else { return }
        buffer[start, area.y] = Cell(" ", style: borderStyle)
        label.render(in: Rect(x: start + 1, y: area.y, width: label.width, height: 1), buffer: &buffer)
        buffer[area.maxX - 3, area.y] = Cell(" ", style: borderStyle)
    }
}
