import PoolCore

/// Messages from a background thread (the sweep overlay's sweep) to a loop that drains them each
/// frame. Closing it asks the sender to stop (the loop is quitting).
public final class Mailbox<Message: Sendable>: Sendable {
    private struct State {
        var messages: [Message] = []
        var isClosed = false
    }

    private let state = LockedValue(State())

    /// An open, empty mailbox.
    public init() {}

    /// Leaves `message` for the loop.
    public func post(_ message: Message) {
        state.withLock { $0.messages.append(message) }
    }

    /// Every message posted since the last call, oldest first.
    public func take() -> [Message] {
        state.withLock { state in
            defer { state.messages.removeAll() }
            return state.messages
        }
    }

    /// Asks the sender to stop at its next chance.
    public func close() {
        state.withLock { $0.isClosed = true }
    }

    /// True once `close()` was called.
    public var isClosed: Bool { state.withLock { $0.isClosed } }
}
