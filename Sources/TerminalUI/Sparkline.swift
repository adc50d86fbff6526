/// A row of bars (` ▁▂▃▄▅▆▇█`), one column per value, newest value at the right edge.
///
/// With more values than columns only the newest (rightmost) ones are shown; with fewer, the bars
/// sit against the right edge and the columns left of them are blanked. An area taller than one
/// row stacks the bars, eight levels per row.
/// A positive value never draws as nothing: it gets at least the lowest bar.
public struct Sparkline: Widget, Sendable, Hashable {
    /// The values, oldest first.
    public var values: [Double]
    /// The value of a full-height bar; `nil` uses the largest value shown.
    public var maximum: Double?
    /// The style of the bars.
    public var style: Style

    /// Creates a sparkline.
    public init(values: [Double], maximum: Double? = nil, style: Style = .plain) {
        self.values = values
        self.maximum = maximum
        self.style = style
    }

    /// Creates a sparkline of integer values.
    public init(values: [Int], maximum: Int? = nil, style: Style = .plain) {
        self.init(values: values.map(Double.init), maximum: maximum.map(Double.init), style: style)
    }

    /// The bars for zero to eight eighths of a cell.
    static let bars: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Draws the newest values that fit, right-aligned, bottom-up.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let shown = values.suffix(area.width)
        var top = maximum ?? 0
        if maximum == nil { for value in shown where value > top { top = value } }
        let levels = area.height * 8
        var column = area.maxX - shown.count
        buffer.fill(
            Rect(x: area.x, y: area.y, width: column - area.x, height: area.height),
            with: Cell(" ", style: style)
        )
        for value in shown {
            var eighths = 0
            if top > 0, value > 0, value.isFinite {
                eighths = min(levels, max(1, Int((value / top * Double(levels)).rounded())))
            }
            for row in 0..<area.height {
                let fromBottom = eighths - row * 8
                let bar = Sparkline.bars[min(8, max(0, fromBottom))]
                buffer[column, area.maxY - 1 - row] = Cell(bar, style: style)
            }
            column += 1
        }
    }
}
