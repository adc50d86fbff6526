import TerminalUI

extension DashboardState {
    /// The cap asked for and not yet shown by a snapshot, if any.
    var pendingCap: Int? { pending.cap?.value }

    /// The screen for this state, at the state's terminal size, in its selected theme.
    public func frame() -> CellBuffer {
        // Made in the background at once, so the view need not paint all of it a second time.
        let theme = currentTheme
        var buffer = CellBuffer(width: width, height: height, filler: DashboardView.background(in: theme))
        var view = DashboardView(state: self, theme: theme)
        view.paintsBackground = false
        view.render(in: buffer.bounds, buffer: &buffer)
        return buffer
    }
}
