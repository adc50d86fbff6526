/// A recording under way, as the header shows it: `● REC 0:12`.
public struct RecordingIndicator: Sendable, Hashable {
    /// The file's name.
    public var name: String
    /// When it started, on the runner's clock; nil until a tick has told the clock.
    public var startedAtNanos: UInt64?

    public init(name: String, startedAtNanos: UInt64?) {
        self.name = name
        self.startedAtNanos = startedAtNanos
    }
}
