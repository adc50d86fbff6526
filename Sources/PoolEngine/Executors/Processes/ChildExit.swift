import CPoolSupport

/// How a child process ended, decoded from its wait status.
public enum ChildExit: Sendable, Hashable, CustomStringConvertible {
    /// It exited with this status code.
    case exited(code: Int32)
    /// This signal ended it.
    case signalled(Int32)
    /// It ended but someone else reaped it (a `waitpid(-1)` elsewhere), so how is unknown.
    case unknown

    /// Decodes a status from waitpid(2).
    init(waitStatus status: Int32) {
        if pooltop_status_signalled(status) != 0 {
            self = .signalled(pooltop_status_signal(status))
        } else {
            self = .exited(code: pooltop_status_exit_code(status))
        }
    }

    /// The signal that ended it, if one did.
    public var signal: Int32? {
        if case .signalled(let number) = self { return number }
        return nil
    }

    /// "exited with status 0", "killed by signal 9 (SIGKILL)".
    public var description: String {
        switch self {
        case .exited(let code): return "exited with status \(code)"
        case .unknown: return "ended (reaped elsewhere, status unknown)"
        case .signalled(let number):
            let names: [Int32: String] = [1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS",
                                          8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM"]
            return "killed by signal \(number)" + (names[number].map { " (\($0))" } ?? "")
        }
    }
}
