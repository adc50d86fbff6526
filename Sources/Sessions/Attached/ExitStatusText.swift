/// How a worker process's exit status reads in an events line, as `multiprocessing` reports it
/// (`-9` for a process killed by signal 9).
enum ExitStatusText {
    private static let signalNames: [Int: String] = [1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL",
                                                     11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM"]

    /// `killed by SIGKILL`, `exited with status 3`, `died`.
    static func describe(_ status: Int?) -> String {
        guard let status else { return "died" }
        if status < 0 { return "killed by " + (signalNames[-status] ?? "signal \(-status)") }
        return "exited with status \(status)"
    }
}
