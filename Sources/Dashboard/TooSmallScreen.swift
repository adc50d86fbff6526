import TerminalUI

/// What shows instead of the dashboard when the terminal is smaller than it needs:
/// "terminal too small: need 80×24, have 60×15", centered, wrapped when even that is too wide.
struct TooSmallScreen: Widget {
    var width: Int
    var height: Int
    var styles: DashboardStyles

    /// The message, with the sizes needed and given.
    var message: String {
        "terminal too small: need \(DashboardState.minimumWidth)×\(DashboardState.minimumHeight), have \(width)×\(height)"
    }

    func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, with: Cell(" ", style: styles.text))
        let paragraph = Paragraph(message, style: styles.warning, alignment: .center)
        let lines = paragraph.height(forWidth: area.width)
        let hint = "q quits"
        let showsHint = lines + 2 <= area.height && hint.count <= area.width
        let total = lines + (showsHint ? 2 : 0)
        let top = area.y + max(0, (area.height - total) / 2)
        paragraph.render(in: Rect(x: area.x, y: top, width: area.width, height: area.maxY - top), buffer: &buffer)
        if showsHint {
            Label(hint, style: styles.muted, alignment: .center).render(in: area.row(top - area.y + lines + 1), buffer: &buffer)
        }
    }
}
