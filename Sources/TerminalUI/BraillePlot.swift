/// An x–y chart in braille dots over fixed ranges: series drawn as lines joining their points, or
/// as a marker character in the cell of each point (for measured points over a fitted curve).
///
/// Each cell holds 2 × 4 dots. Values outside the ranges are clamped to the edges. Series are
/// drawn in order; a later series wins a shared cell, and markers win over dots. Empty cells are
/// left as they were, so a background can be filled first.
public struct BraillePlot: Widget, Sendable, Hashable {
    /// One point of a series.
    public struct Point: Sendable, Hashable {
        /// The horizontal and vertical values, in the plot's ranges.
        public var x: Double
        public var y: Double

        /// Creates a point.
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// How a series is drawn.
    public enum Mode: Sendable, Hashable {
        /// Dots joining the points in order.
        case line
        /// This character in the cell of each point.
        case marker(Character)
    }

    /// One series and its look.
    public struct Series: Sendable, Hashable {
        /// The points, in drawing order (by increasing x for a line).
        public var points: [Point]
        /// The style of this series' cells.
        public var style: Style
        /// Line or markers.
        public var mode: Mode

        /// Creates a series.
        public init(points: [Point], style: Style = .plain, mode: Mode = .line) {
            self.points = points
            self.style = style
            self.mode = mode
        }
    }

    /// The series, drawn in order.
    public var series: [Series]
    /// The x value at the left edge and at the right edge.
    public var xRange: ClosedRange<Double>
    /// The y value at the bottom edge and at the top edge.
    public var yRange: ClosedRange<Double>

    /// Creates a plot of `series` over these ranges.
    public init(series: [Series], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
    }

    /// The dot column (0 at the left) and dot row (0 at the bottom) of a point in an area of
    /// `columns` × `rows` cells; the cell column is the dot column / 2 (for labels under a plot).
    public func dot(of point: Point, columns: Int, rows: Int) -> (x: Int, y: Int) {
        func scaled(_ value: Double, _ range: ClosedRange<Double>, _ dots: Int) -> Int {
            let span = range.upperBound - range.lowerBound
            let fraction = span > 0 && value.isFinite ? min(1, max(0, (value - range.lowerBound) / span)) : 0
            return Int((fraction * Double(dots - 1)).rounded())
        }
        return (scaled(point.x, xRange, columns * 2), scaled(point.y, yRange, rows * 4))
    }

    /// Draws every series into `area`.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        var canvas = BrailleCanvas(columns: area.width, rows: area.height)
        var markers: [(cell: Int, character: Character, style: Style)] = []
        for (index, entry) in series.enumerated() {
            let dots = entry.points.map { dot(of: $0, columns: area.width, rows: area.height) }
            switch entry.mode {
            case .marker(let character):
                for d in dots {
                    if let cell = canvas.cellIndex(x: d.x, y: d.y) { markers.append((cell, character, entry.style)) }
                }
            case .line:
                if dots.count == 1 { canvas.set(x: dots[0].x, y: dots[0].y, owner: index) }
                for (from, to) in zip(dots, dots.dropFirst()) {
                    canvas.line(from: from, to: to, owner: index)
                }
            }
        }
        canvas.render(in: area, buffer: &buffer) { series[$0].style }
        for marker in markers {
            buffer[area.x + marker.cell % area.width, area.y + marker.cell / area.width] = Cell(marker.character, style: marker.style)
        }
    }
}
