import PoolCore
import TerminalUI

/// The whole screen as a widget: header, panels, formulas and footer laid out for the area's
/// size, the help overlay on top when open, or the "terminal too small" screen.
public struct DashboardView: Widget {
    /// The state to draw.
    public var state: DashboardState
    /// The theme to draw it in.
    public var theme: Theme

    /// A view of `state` in `theme`.
    public init(state: DashboardState, theme: Theme) {
        self.state = state
        self.theme = theme
    }

    /// A view of `state` in the theme it has selected.
    public init(state: DashboardState) {
        self.init(state: state, theme: state.currentTheme)
    }

    /// Draws the screen into `area` (normally the whole buffer, of the state's size).
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let styles = DashboardStyles(theme: theme)
        buffer.fill(area, with: Cell(" ", style: styles.overlay))
        guard area.width >= DashboardState.minimumWidth, area.height >= DashboardState.minimumHeight else {
            TooSmallScreen(width: area.width, height: area.height, styles: styles).render(in: area, buffer: &buffer)
            return
        }
        let observation = state.displayed
        let snapshot = observation.snapshot
        let layout = DashboardLayout(screen: area, slots: snapshot.slots)
        HeaderView(observation: observation, isPaused: state.isPaused, pendingCap: state.pendingCap,
                   recommendedCap: state.sweep.recommendedCap, recording: state.recording, clockNanos: state.clockNanos, styles: styles)
            .render(in: layout.header, buffer: &buffer)
        SlotsPanel(observation: observation, selectedSlot: state.selectedSlot, styles: styles).render(in: layout.slots, buffer: &buffer)
        QueuePanel(observation: observation, styles: styles).render(in: layout.queue, buffer: &buffer)
        ThroughputPanel(observation: observation, styles: styles).render(in: layout.throughput, buffer: &buffer)
        LockPanel(observation: observation, styles: styles).render(in: layout.lock, buffer: &buffer)
        LatencyPanel(observation: observation, styles: styles).render(in: layout.latency, buffer: &buffer)
        SystemPanel(observation: observation, styles: styles).render(in: layout.system, buffer: &buffer)
        EventsPanel(events: state.events(limit: max(0, layout.events.height - 2)), styles: styles).render(in: layout.events, buffer: &buffer)
        TeachingLine(snapshot: snapshot, window: observation.requestWindow, styles: styles).render(in: layout.teaching, buffer: &buffer)
        FooterView(
            isPaused: state.isPaused, isHelpVisible: state.isHelpVisible, snapshotsWhilePaused: state.snapshotsWhilePaused,
            commandEcho: state.commandEcho, isSweepVisible: state.sweep.isVisible,
            sweepRecommendedCap: state.sweep.recommendedCap, isReplay: state.isReplay,
            rows: KeyBindings.standard.footerRows(in: state), note: state.footerNote, styles: styles
        ).render(in: layout.footer, buffer: &buffer)
        if state.isHelpVisible {
            HelpOverlay(styles: styles, isReplay: state.isReplay, isAttached: state.isAttached).render(in: layout.body, buffer: &buffer)
        } else if state.sweep.isVisible {
            SweepOverlay(panel: state.sweep, currentCap: state.effectiveCap, styles: styles).render(in: layout.body, buffer: &buffer)
        }
    }
}
