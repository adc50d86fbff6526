import Glibc
import PoolCore

/// How to start a worker process: an executable and the arguments that select its worker entry
/// (`pooltop-worker`, or `/proc/self/exe worker` for pooltop itself); `WorkerArguments` are
/// appended after them.
public struct WorkerCommand: Sendable, Hashable {
    /// The executable's path, given to posix_spawn as is.
    public var executablePath: String
    /// Arguments before the worker's own (for pooltop: `["worker"]`).
    public var leadingArguments: [String]

    /// A command that runs `executablePath` with `leadingArguments`.
    public init(executablePath: String, leadingArguments: [String] = []) {
        self.executablePath = executablePath
        self.leadingArguments = leadingArguments
    }

    /// The running binary relaunched with `leadingArguments` (`/proc/self/exe` names it even if
    /// the file has since been replaced).
    public static func currentExecutable(leadingArguments: [String]) -> WorkerCommand {
        WorkerCommand(executablePath: "/proc/self/exe", leadingArguments: leadingArguments)
    }

    /// The worker executable built beside the running binary (`pooltop-worker`, a static executable
    /// that starts in about 0.8 ms of CPU instead of the 10 ms pooltop's own Foundation-linked
    /// binary takes), or this binary re-run as `pooltop worker` if the worker executable is not there.
    public static var standard: WorkerCommand {
        if let folder = InstallLayout.binaryDirectory {
            let worker = folder + "/pooltop-worker"
            if access(worker, X_OK) == 0 { return WorkerCommand(executablePath: worker) }
        }
        return currentExecutable(leadingArguments: ["worker"])
    }
}
