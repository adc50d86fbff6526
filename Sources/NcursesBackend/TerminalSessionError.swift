/// Why a terminal session could not start. Each message tells the user what to run instead.
public enum TerminalSessionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One of the standard streams is a pipe or a file rather than a terminal.
    case notATerminal(stream: StandardStream)
    /// The `TERM` environment variable is missing or empty.
    case terminalTypeUnset
    /// ncurses has no terminfo entry for the `TERM` value given.
    case unknownTerminalType(String)
    /// `--cast`: the cast file or the pseudo-terminal between ncurses and the screen could not be made.
    case castFailed(path: String, reason: String)

    /// A standard stream the session needs to be a terminal.
    public enum StandardStream: String, Sendable, Hashable {
        /// Standard input, where keys come from.
        case standardInput = "standard input"
        /// Standard output, where the screen goes.
        case standardOutput = "standard output"
    }

    /// A one-line explanation that ends by pointing to `pooltop run`.
    public var description: String {
        let hint = "For a headless run use: pooltop run"
        switch self {
        case .notATerminal(let stream):
            return "pooltop needs a terminal (\(stream.rawValue) is not a terminal). \(hint)"
        case .terminalTypeUnset:
            return "pooltop needs a terminal (TERM is not set). \(hint)"
        case .unknownTerminalType(let name):
            return "pooltop cannot drive this terminal (TERM=\(name) is unknown to ncurses). \(hint)"
        case .castFailed(let path, let reason):
            return "pooltop cannot keep the screen in \(path): \(reason)"
        }
    }
}
