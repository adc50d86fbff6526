import PoolCore
import TerminalUI

/// The styles the dashboard draws with, resolved once per frame from a `Theme`.
///
/// The views ask for roles ("a warning", "the busy slots of request 7"), never for colors, so a
/// theme, including the monochrome one, changes every panel at once.
struct DashboardStyles: Sendable {
    /// Ordinary text.
    var text: Style
    /// Secondary text: labels, units, hints.
    var muted: Style
    /// Panel titles.
    var title: Style
    /// Borders of overlays and of panels outside the groups below.
    var border: Style
    /// Borders of the pool panels (slots), the flow panels (queue, throughput), the contention
    /// panels (lock, latency) and the process panels (system, events), after btop's box groups.
    var poolBorder: Style
    var flowBorder: Style
    var contentionBorder: Style
    var processBorder: Style
    /// Figures that deserve the eye: the cap, the mode, rates.
    var highlight: Style
    /// The key letters in the footer and help.
    var key: Style
    /// Something limiting or refused (queue growing, contention, a key that cannot act).
    var warning: Style
    /// A fault or a wrong result (crashed worker, lost updates).
    var error: Style
    /// A healthy figure (counter exact, lock on).
    var ok: Style
    /// The PAUSED banner and other strong markers.
    var banner: Style
    /// A selected item, such as the clicked slot.
    var selection: Style
    /// The background of the help overlay.
    var overlay: Style
    /// Slot cells by phase, for phases not tied to a request.
    var idleSlot: Style
    var startingSlot: Style
    var retiringSlot: Style
    var lockWaitSlot: Style
    var lockHoldSlot: Style
    var crashedSlot: Style
    var emptySlot: Style
    /// The colors requests cycle through, so the tasks of one request share one.
    var requestPalette: [Style]
    /// The heat strip's five levels, from no busy slot to all busy.
    var heat: [Style]
    /// The graphs: queue depth, tasks per second, requests per second, lock contention.
    var queueGraph: Style
    var tasksGraph: Style
    var requestsGraph: Style
    var lockGraph: Style
    /// The burst progress bar: filled and empty parts.
    var gaugeFilled: Style
    var gaugeEmpty: Style

    /// The style of request `requestID`'s tasks (slot cells, queue strip).
    func request(_ requestID: Int) -> Style {
        guard !requestPalette.isEmpty, requestID > 0 else { return text }
        return requestPalette[(requestID - 1) % requestPalette.count]
    }

    /// The style for an event line of `severity`.
    func event(_ severity: DashboardEvent.Severity) -> Style {
        switch severity {
        case .info: return text
        case .warning: return warning
        case .error: return error
        }
    }

    /// The group a panel belongs to, which sets its border color.
    enum PanelGroup {
        case pool, flow, contention, process, overlay
    }

    /// A bordered panel with `title` on the left and optional `detail` on the right of the top
    /// border.
    func box(_ title: String, detail: [Span] = [], group: PanelGroup) -> Box {
        let borderStyle: Style
        switch group {
        case .pool: borderStyle = poolBorder
        case .flow: borderStyle = flowBorder
        case .contention: borderStyle = contentionBorder
        case .process: borderStyle = processBorder
        case .overlay: borderStyle = border
        }
        return Box(title: [Span(title, style: self.title)], rightTitle: detail, borderStyle: borderStyle)
    }

    /// Draws the `box(_:detail:group:)` of a panel around `area` and returns the area inside it,
    /// or nil when nothing fits inside.
    func renderPanel(_ title: String, detail: [Span] = [], group: PanelGroup, in area: Rect, buffer: inout CellBuffer) -> Rect? {
        box(title, detail: detail, group: group).render(in: area, buffer: &buffer)
        let inner = area.inset(by: 1)
        return inner.isEmpty ? nil : inner
    }
}
