/// A horizontal bar filled to a fraction, in eighths of a cell (`▏▎▍▌▋▊▉█`), with an optional label
/// centered over it.
///
/// Every row of the area shows the same bar. Label characters over the filled part swap the filled
/// style's colors (or toggle reverse when it has none) so they stay readable.
public struct Gauge: Widget, Sendable, Hashable {
    /// How full the bar is, from 0 to 1 (clamped; NaN counts as 0).
    public var fraction: Double
    /// The text centered over the bar (nothing when empty).
    public var label: String
    /// The style of the filled part; its foreground colors the blocks.
    public var filledStyle: Style
    /// The style of the empty part and of label characters over it.
    public var emptyStyle: Style
    /// The character the empty part is drawn with.
    public var emptyGlyph: Character

    /// Creates a gauge.
    public init(
        fraction: Double,
        label: String = "",
        filledStyle: Style = .plain,
        emptyStyle: Style = .plain,
        emptyGlyph: Character = " "
    ) {
        self.fraction = fraction
        self.label = label
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
        self.emptyGlyph = emptyGlyph
    }

    /// The partial blocks for one to seven eighths of a cell.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Draws the bar on every row of `area` and the label on its middle row.
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        let totalEighths = Int((clamped * Double(area.width * 8)).rounded())
        let fullCells = totalEighths / 8, remainder = totalEighths % 8
        let partialStyle = Style(
            foreground: filledStyle.foreground,
            background: emptyStyle.background,
            attributes: filledStyle.attributes
        )
        for row in area.y..<area.maxY {
            buffer.fill(Rect(x: area.x, y: row, width: fullCells, height: 1), with: Cell("█", style: filledStyle))
            var emptyStart = area.x + fullCells
            if remainder > 0 {
                buffer[emptyStart, row] = Cell(Gauge.eighths[remainder - 1], style: partialStyle)
                emptyStart += 1
            }
            buffer.fill(
                Rect(x: emptyStart, y: row, width: area.maxX - emptyStart, height: 1),
                with: Cell(emptyGlyph, style: emptyStyle)
            )
        }
        guard !label.isEmpty else { return }
        let y = area.y + (area.height - 1) / 2
        let labelWidth = DisplayWidth.of(label)
        let start = area.x + Alignment.center.offset(contentWidth: labelWidth, available: area.width)
        let end = buffer.write(label, x: start, y: y, style: emptyStyle, clip: area.row((area.height - 1) / 2))
        let overFilled = Style.inverted(filledStyle)
        let filledEnd = min(end, area.x + fullCells)
        if filledEnd > start {
            buffer.setStyle(overFilled, in: Rect(x: start, y: y, width: filledEnd - start, height: 1))
        }
    }
}

extension Style {
    /// The style with foreground and background swapped, or with reverse toggled when both are the
    /// terminal default: what text drawn over a solid block of this style needs.
    static func inverted(_ style: Style) -> Style {
        if style.foreground == .default && style.background == .default {
            return Style(attributes: style.attributes.symmetricDifference(.reverse))
        }
        return Style(foreground: style.background, background: style.foreground, attributes: style.attributes)
    }
}
