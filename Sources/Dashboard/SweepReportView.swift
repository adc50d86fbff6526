import PoolCore
import Sizing
import TerminalUI

/// What `pooltop sweep` prints: a title, the table of points, the chart of throughput and p99
/// against the cap with the fitted curve, and the sentences (recommendation, Goetz, fit).
public struct SweepReportView: Widget {
    /// The sweep to show.
    public var result: SweepResult
    /// The first line, e.g. the scenario swept.
    public var title: String
    /// The theme to draw in.
    public var theme: Theme

    /// Rows of the chart.
    static let chartHeight = 14

    /// A report of `result` under `title`, in `theme`.
    public init(result: SweepResult, title: String, theme: Theme) {
        self.result = result
        self.title = title
        self.theme = theme
    }

    /// The rows the report needs at `width` columns.
    public func height(forWidth width: Int) -> Int {
        let text = SweepSentences.paragraphs(for: result, styles: DashboardStyles(theme: theme)).reduce(0) { $0 + $1.height(forWidth: width) }
        return Paragraph(title).height(forWidth: width) + 1 + (result.points.count + 1) + 1 + SweepReportView.chartHeight + 1 + text + 2
    }

    /// Draws the report into `area` (best at `height(forWidth:)` rows).
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let styles = DashboardStyles(theme: theme)
        var y = area.y
        let heading = Paragraph(title, style: styles.title)
        let headingRows = heading.height(forWidth: area.width)
        heading.render(in: Rect(x: area.x, y: y, width: area.width, height: headingRows), buffer: &buffer)
        y += headingRows + 1
        let table = SweepTable(result: result, styles: styles)
        table.render(in: Rect(x: area.x, y: y, width: area.width, height: min(table.height, area.maxY - y)), buffer: &buffer)
        y += table.height + 1
        SweepChart(caps: result.points.map(\.cap), points: result.points, fit: result.fit, recommendedCap: result.recommendation.cap, styles: styles)
            .render(in: Rect(x: area.x, y: y, width: min(area.width, 100), height: min(SweepReportView.chartHeight, max(0, area.maxY - y))), buffer: &buffer)
        y += SweepReportView.chartHeight + 1
        for paragraph in SweepSentences.paragraphs(for: result, styles: styles) where y < area.maxY {
            let rows = paragraph.height(forWidth: area.width)
            paragraph.render(in: Rect(x: area.x, y: y, width: area.width, height: min(rows, area.maxY - y)), buffer: &buffer)
            y += rows + 1
        }
    }
}

extension SweepReportView {
    /// The report drawn `width` columns wide, as tall as it needs.
    public func rendered(width: Int) -> CellBuffer {
        rendered(width: width, height: height(forWidth: width))
    }
}
