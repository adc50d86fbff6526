/// Something worth a line in the events list: a resize, a mode switch, a crash, a burst.
public struct PoolEvent: Sendable, Hashable, Codable, SchemaVersioned {
    /// The schema events are written under.
    public static let schema = "pooltop.event/1"

    /// When it happened, in nanoseconds since the pool started.
    public var elapsedNanos: UInt64
    public var kind: Kind
    /// One line for the events panel, e.g. "cap 50 → 60".
    public var message: String

    /// What sort of event, so the screen can color it.
    public enum Kind: String, Sendable, Hashable, Codable {
        case resized, modeSwitched, settingChanged, burstFired, workerCrashed, workerReplaced, ceilingHit, rejected, statisticsReset
    }

    public init(elapsedNanos: UInt64, kind: Kind, message: String) {
        self.elapsedNanos = elapsedNanos
        self.kind = kind
        self.message = message
    }
}
