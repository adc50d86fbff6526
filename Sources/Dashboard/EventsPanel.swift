import PoolCore
import TerminalUI

/// What changed, newest last, each line stamped with the pool's elapsed time: resizes, mode
/// switches, bursts, crashes, and the dashboard's own notes.
struct EventsPanel: Widget {
    var events: [DashboardEvent]
    var styles: DashboardStyles

    func render(in area: Rect, buffer: inout CellBuffer) {
        guard let inner = styles.renderPanel("events", group: .process, in: area, buffer: &buffer) else { return }
        guard !events.isEmpty else {
            Label("nothing yet: press b for a burst", style: styles.muted).render(in: inner, buffer: &buffer)
            return
        }
        let shown = events.suffix(inner.height)
        for (offset, event) in shown.enumerated() {
            let stamp = NumberText.padLeft(NumberText.clock(nanoseconds: event.elapsedNanos), to: 6)
            LineComposer.draw([
                Span(stamp + " ", style: styles.muted), Span(event.message, style: styles.event(event.severity)),
            ], row: offset, of: inner, buffer: &buffer)
        }
    }
}
