/// A source's answer to a `PoolCommand`: carried out, or refused with a reason a person can read
/// in the footer and the events list ("a replay cannot resize the pool").
public enum CommandReply: Sendable, Hashable, Codable {
    /// The source carried the command out (or started to: a resize takes effect as workers come
    /// and go).
    case accepted
    /// The source cannot do it; `reason` says why in one line.
    case refused(reason: String)

    /// True for `.accepted`.
    public var isAccepted: Bool { self == .accepted }
}
