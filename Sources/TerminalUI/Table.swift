/// Rows of cells under a header row, in columns sized by `Layout` constraints.
///
/// Columns are separated by `spacing` blank columns; cells wider than their column end in `…`.
/// Rows below the area are cut off (pass the visible slice of a long list). The header uses
/// `headerStyle`, the rows `rowStyle`, the selected row `selectedStyle`; a span's own style wins
/// over the row style only for the text it covers.
public struct Table: Widget, Sendable, Hashable {
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows; each row holds one cell per column (missing cells are blank, extra ones ignored).
    public var rows: [[Span]]
    /// The style of the header row; `nil` hides the header.
    public var headerStyle: Style?
    /// The style of every row's background and of cells in the plain style.
    public var rowStyle: Style
    /// The index in `rows` of the highlighted row, if any.
    public var selectedRow: Int?
    /// The style of the highlighted row (replaces every cell style in it).
    public var selectedStyle: Style
    /// Blank columns between neighbouring columns.
    public var spacing: Int

    /// Creates a table.
    public init(
        columns: [TableColumn],
        rows: [[Span]],
        headerStyle: Style? = Style(attributes: .bold),
        rowStyle: Style = .plain,
        selectedRow: Int? = nil,
        selectedStyle: Style = Style(attributes: .reverse),
        spacing: Int = 1
    ) {
        self.columns = columns
        self.rows = rows
        self.headerStyle = headerStyle
        self.rowStyle = rowStyle
        self.selectedRow = selectedRow
        self.selectedStyle = selectedStyle
        self.spacing = spacing
    }

    /// Creates a table of plain strings.
    public init(
        columns: [TableColumn],
        rows: [[String]],
        headerStyle: Style? = Style(attributes: .bold),
        rowStyle: Style = .plain,
        spacing: Int = 1
    ) {
        self.init(
            columns: columns,
            rows: rows.map { $0.map { Span($0, style: rowStyle) } },
            headerStyle: headerStyle,
            rowStyle: rowStyle,
            spacing: spacing
        )
    }

    /// The screen rectangles of the columns in a table drawn in `area` (full height).
    public func columnRects(in area: Rect) -> [Rect] {
        Layout.split(area, direction: .horizontal, constraints: columns.map(\.width), spacing: spacing)
    }

    /// Draws the header and as many rows as fit.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        let rects = columnRects(in: area)
        var y = area.y
        if let headerStyle {
            buffer.fill(area.row(0), with: Cell(" ", style: headerStyle))
            for (column, rect) in zip(columns, rects) {
                Label(column.title, style: headerStyle, alignment: column.alignment, overflow: .ellipsis)
                    .render(in: Rect(x: rect.x, y: y, width: rect.width, height: 1), buffer: &buffer)
            }
            y += 1
        }
        for (index, row) in rows.enumerated() {
            guard y < area.maxY else { break }
            let isSelected = index == selectedRow
            let lineStyle = isSelected ? selectedStyle : rowStyle
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: lineStyle))
            for (columnIndex, (column, rect)) in zip(columns, rects).enumerated() where columnIndex < row.count {
                var span = row[columnIndex]
                if isSelected || span.style == .plain { span.style = lineStyle }
                Label(spans: [span], alignment: column.alignment, overflow: .ellipsis)
                    .render(in: Rect(x: rect.x, y: y, width: rect.width, height: 1), buffer: &buffer)
            }
            y += 1
        }
    }
}
