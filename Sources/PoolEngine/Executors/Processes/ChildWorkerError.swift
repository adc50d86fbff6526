/// Why a worker process could not start or could not run a task. Every case is raised only after
/// the child has been reaped (no zombie is left behind).
public enum ChildWorkerError: Error, Hashable, CustomStringConvertible {
    /// posix_spawn (or the pipe or argument set-up before it) failed with this errno.
    case spawnFailed(errno: Int32)
    /// The child started but did not announce itself as a worker; it was killed.
    case startupFailed(reason: String, exit: ChildExit?)
    /// The child died: its pipes closed (EOF or EPIPE) and waitpid said how.
    case died(pid: Int32, exit: ChildExit)
    /// The child sent something other than the expected answer; it was killed.
    case protocolViolation(pid: Int32, reason: String)
    /// The child was already closed or terminated by this parent.
    case notRunning(pid: Int32)

    /// A one-line reason, fit for a failed task's reason and the events list.
    public var description: String {
        switch self {
        case .spawnFailed(let code): return "could not start a worker process (errno \(code))"
        case .startupFailed(let reason, let exit):
            return "worker process did not start: \(reason)" + (exit.map { ", \($0)" } ?? "")
        case .died(let pid, let exit): return "worker process \(pid) \(exit)"
        case .protocolViolation(let pid, let reason): return "worker process \(pid) broke the protocol: \(reason)"
        case .notRunning(let pid): return "worker process \(pid) was already shut down"
        }
    }
}

extension ChildWorkerError {
    /// How the worker ended, for the events list: its exit when it died, else the error.
    var howItEnded: String {
        if case .died(_, let exit) = self { return "\(exit)" }
        return description
    }
}
