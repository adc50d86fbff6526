import TerminalUI

extension DashboardState {
    /// The cap asked for and not yet shown by a snapshot, if any.
    var pendingCap: Int? { pending.cap?.value }

    /// The screen for this state, at the state's terminal size, in its selected theme.
    public func frame() -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        DashboardView(state: self).render(in: buffer.bounds, buffer: &buffer)
        return buffer
    }
}
