/// A line or area chart of one or two series drawn with braille dots: each cell holds 2 × 4 dots,
/// so a cell column shows two values and a row four levels.
///
/// The newest values sit at the right edge; with more values than dot columns only the newest are
/// shown. Series are drawn in order; where they share a cell the dots combine and the later
/// series' style wins. Empty cells are blank in the first series' style.
public struct BrailleGraph: Widget, Sendable, Hashable {
    /// How a series is drawn.
    public enum Mode: Sendable, Hashable {
        /// A line joining the values (a zero value still shows as a dot on the floor).
        case line
        /// The area under the values filled with dots (a zero value shows nothing).
        case area
    }

    /// One data series and its look.
    public struct Series: Sendable, Hashable {
        /// The values, oldest first.
        public var values: [Double]
        /// The style of this series' cells.
        public var style: Style
        /// Line or area.
        public var mode: Mode

        /// Creates a series.
        public init(values: [Double], style: Style = .plain, mode: Mode = .area) {
            self.values = values
            self.style = style
            self.mode = mode
        }
    }

    /// The series, drawn in order (at most a few; two is the usual).
    public var series: [Series]
    /// The value at the top of the area; `nil` uses the largest value shown in any series.
    public var maximum: Double?

    /// Creates a graph of `series` scaled to `maximum`.
    public init(series: [Series], maximum: Double? = nil) {
        self.series = series
        self.maximum = maximum
    }

    /// Creates a graph of one series.
    public init(values: [Double], style: Style = .plain, mode: Mode = .area, maximum: Double? = nil) {
        self.init(series: [Series(values: values, style: style, mode: mode)], maximum: maximum)
    }

    /// The largest value that will be shown in an area `columns` cells wide.
    func scaleMaximum(columns: Int) -> Double {
        if let maximum { return maximum }
        var top = 0.0
        for entry in series {
            for value in entry.values.suffix(columns * 2) where value.isFinite && value > top { top = value }
        }
        return top
    }

    /// Draws every series into `area`.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        var canvas = BrailleCanvas(columns: area.width, rows: area.height)
        let dotRows = canvas.dotRows, dotColumns = canvas.dotColumns
        let top = scaleMaximum(columns: area.width)
        for (seriesIndex, entry) in series.enumerated() {
            let shown = entry.values.suffix(dotColumns)
            var dotColumn = dotColumns - shown.count
            var previousLevel: Int? = nil
            for value in shown {
                let level = BrailleGraph.level(of: value, maximum: top, dotRows: dotRows, mode: entry.mode)
                let (low, high): (Int, Int)
                switch entry.mode {
                case .area:
                    (low, high) = (0, level)
                case .line:
                    // The point, plus the dots joining it to the previous point (which that column drew).
                    let previous = previousLevel ?? level
                    if previous < level {
                        (low, high) = (previous + 1, level + 1)
                    } else if previous > level {
                        (low, high) = (level, previous)
                    } else {
                        (low, high) = (level, level + 1)
                    }
                }
                // `low..<high` are dot rows counted from the bottom.
                canvas.setColumn(x: dotColumn, from: low, to: max(low, high), owner: seriesIndex)
                previousLevel = level
                dotColumn += 1
            }
        }
        canvas.render(in: area, buffer: &buffer, blank: series.first?.style ?? .plain) { series[$0].style }
    }

    /// The dot level of `value`: for an area, how many dots high the fill is (0…`dotRows`); for a
    /// line, which dot row the point is on (0…`dotRows - 1`, from the bottom).
    static func level(of value: Double, maximum: Double, dotRows: Int, mode: Mode) -> Int {
        let fraction = maximum > 0 && value.isFinite ? min(1, max(0, value / maximum)) : 0
        switch mode {
        case .area:
            let dots = Int((fraction * Double(dotRows)).rounded())
            return value > 0 && maximum > 0 ? max(1, dots) : dots
        case .line:
            return Int((fraction * Double(dotRows - 1)).rounded())
        }
    }
}
