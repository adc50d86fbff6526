/// What a `PoolSource` can be asked to do: which kinds of command it accepts, and which pool
/// modes it can switch between. The dashboard reads it to cycle only through modes that exist
/// and to refuse a key before sending it; the source refuses anything else itself.
public struct SourceCapabilities: Sendable, Hashable, Codable {
    /// The kinds of command the source carries out.
    public var commands: Set<PoolCommand.Kind>
    /// The modes `switchMode` accepts (the `m` key cycles through them), in cycling order.
    public var modes: [PoolMode]

    /// Capabilities accepting `commands` and switching among `modes`.
    public init(commands: Set<PoolCommand.Kind>, modes: [PoolMode]) {
        self.commands = commands
        self.modes = modes
    }

    /// A source that accepts no command at all (a recording being replayed, for one).
    public static let watchOnly = SourceCapabilities(commands: [], modes: [])

    /// Whether the source accepts `command`: its kind, and for a mode switch, its target mode.
    public func accepts(_ command: PoolCommand) -> Bool {
        guard commands.contains(command.kind) else { return false }
        if case .switchMode(let mode) = command { return modes.contains(mode) }
        return true
    }
}
