import Dashboard
import Synchronization

/// Messages from the background sweep to the dashboard's main loop, which drains them each frame.
///
/// Closing it asks the sweep to stop (the dashboard is quitting).
final class SweepMailbox: Sendable {
    private struct State {
        var messages: [DashboardMessage] = []
        var isClosed = false
    }

    private let state = Mutex(State())

    /// Leaves `message` for the main loop.
    func post(_ message: DashboardMessage) {
        state.withLock { $0.messages.append(message) }
    }

    /// Every message posted since the last call, oldest first.
    func take() -> [DashboardMessage] {
        state.withLock { state in
            defer { state.messages.removeAll() }
            return state.messages
        }
    }

    /// Asks the sweep to stop at its next run.
    func close() {
        state.withLock { $0.isClosed = true }
    }

    /// True once `close()` was called.
    var isClosed: Bool { state.withLock { $0.isClosed } }
}
