import PoolCore

/// A command as a recording keeps it: what was asked (a key, a lesson step) and what the source
/// answered.
public struct RecordedCommand: Sendable, Hashable, Codable {
    public var command: PoolCommand
    public var reply: CommandReply

    public init(command: PoolCommand, reply: CommandReply) {
        self.command = command
        self.reply = reply
    }
}
