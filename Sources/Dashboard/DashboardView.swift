import PoolCore
import TerminalUI

/// The whole screen as a widget: header, panels, formulas and footer laid out for the area's
/// size, the help overlay on top when open, or the "terminal too small" screen.
public struct DashboardView: Widget {
    /// The state to draw.
    public var state: DashboardState
    /// The theme to draw it in.
    public var theme: Theme
    /// Whether `render` first paints the whole area in the theme's background; false when the
    /// buffer already is in it (a buffer made with `background(in:)` as its filler).
    public var paintsBackground = true

    /// A view of `state` in `theme`.
    public init(state: DashboardState, theme: Theme) {
        self.state = state
        self.theme = theme
    }

    /// A view of `state` in the theme it has selected.
    public init(state: DashboardState) {
        self.init(state: state, theme: state.currentTheme)
    }

    /// The cell the screen's background is made of in `theme` (every cell no panel draws on).
    public static func background(in theme: Theme) -> Cell {
        Cell(" ", style: theme.style(.background))
    }

    /// Draws the screen into `area` (normally the whole buffer, of the state's size).
    public func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let styles = DashboardStyles(theme: theme)
        if paintsBackground { buffer.fill(area, with: Self.background(in: theme)) }
        guard area.width >= DashboardState.minimumWidth, area.height >= DashboardState.minimumHeight else {
            TooSmallScreen(width: area.width, height: area.height, styles: styles).render(in: area, buffer: &buffer)
            return
        }
        let observation = state.displayed
        let snapshot = observation.snapshot
        let layout = DashboardLayout(screen: area, slots: snapshot.slots, lesson: state.lessonFeature,
                                     modelRow: LatencyPanel.prediction(observation) != nil, limiter: snapshot.limiter != nil)
        HeaderView(observation: observation, isPaused: state.isPaused, pendingCap: state.pendingCap,
                   recommendedCap: state.sweep.recommendedCap, recording: state.recording, clockNanos: state.clockNanos, styles: styles)
            .render(in: layout.header, buffer: &buffer)
        let panels: [(Rect, any Widget)] = [
            (layout.slots, SlotsPanel(observation: observation, selectedSlot: state.selectedSlot, styles: styles)),
            (layout.limiter, LimiterPanel(observation: observation, styles: styles)),
            (layout.queue, QueuePanel(observation: observation, styles: styles)),
            (layout.throughput, ThroughputPanel(observation: observation, styles: styles)),
            (layout.lock, LockPanel(observation: observation, styles: styles)),
            (layout.latency, LatencyPanel(observation: observation, styles: styles)),
            (layout.system, SystemPanel(observation: observation, styles: styles)),
            (layout.events, EventsPanel(events: state.events(limit: max(0, layout.events.height - 2)), styles: styles)),
        ]
        for (rect, panel) in panels where !rect.isEmpty { panel.render(in: rect, buffer: &buffer) }
        TeachingLine(snapshot: snapshot, window: observation.requestWindow, styles: styles).render(in: layout.teaching, buffer: &buffer)
        if let lesson = state.lesson {
            LessonPanelView(progress: lesson, observation: state.live, clockNanos: state.clockNanos, styles: styles)
                .render(in: layout.lesson, buffer: &buffer)
            if !lesson.isFinished, let look = lesson.step.look { Self.highlight(layout.area(of: look), in: &buffer, styles: styles) }
        }
        // In a lesson the step names the key to press: the footer keeps to the lesson's own keys.
        let allRows = KeyBindings.standard.footerRows(in: state)
        let footerRows = state.lesson == nil ? allRows : allRows.filter { $0.context == .lesson || ["?", "q"].contains($0.label) }
        FooterView(
            isPaused: state.isPaused, isHelpVisible: state.isHelpVisible, snapshotsWhilePaused: state.snapshotsWhilePaused,
            commandEcho: state.commandEcho, isSweepVisible: state.sweep.isVisible,
            sweepRecommendedCap: state.sweep.recommendedCap, isReplay: state.isReplay,
            rows: footerRows, note: state.footerNote, styles: styles
        ).render(in: layout.footer, buffer: &buffer)
        if let selected = state.lessonListSelection {
            LessonListOverlay(lessons: state.lessons, selected: selected, styles: styles).render(in: layout.body, buffer: &buffer)
        } else if state.isHelpVisible {
            HelpOverlay(styles: styles, isReplay: state.isReplay, isAttached: state.isAttached, showsLimiter: snapshot.limiter != nil).render(in: layout.body, buffer: &buffer)
        } else if state.sweep.isVisible {
            SweepOverlay(panel: state.sweep, currentCap: state.effectiveCap, styles: styles).render(in: layout.body, buffer: &buffer)
        }
    }

    /// Marks the panel a lesson step looks at: its border in the highlight style, or, for a line
    /// (the header, the formulas), a `▶` at its start.
    static func highlight(_ rect: Rect, in buffer: inout CellBuffer, styles: DashboardStyles) {
        guard !rect.isEmpty else { return }
        var style = styles.highlight
        style.attributes.insert(.bold)
        guard rect.height >= 3 else {
            buffer[rect.x, rect.y] = Cell("▶", style: style)
            return
        }
        for column in rect.x..<rect.maxX {
            buffer[column, rect.y].style = style
            buffer[column, rect.maxY - 1].style = style
        }
        for row in rect.y..<rect.maxY {
            buffer[rect.x, row].style = style
            buffer[rect.maxX - 1, row].style = style
        }
    }
}
