import Foundation

/// Finds and runs the pooltop binary built next to the tests.
enum Binary {
    /// The debug (or release) build's `pooltop`, next to the test bundle.
    static var pooltop: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("pooltop")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates.last!.appendingPathComponent("pooltop")
    }

    /// What a finished process printed and how it ended.
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `executable` with `arguments` (stdin from /dev/null, stdout and stderr to temporary
    /// files) and waits for it with `waitpid`. Not Foundation's `Process`: a daemon the command leaves
    /// behind (tmux's server) must not keep the test waiting.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outPath = directory.appendingPathComponent("out").path, errPath = directory.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        // A clean signal mask and default dispositions: the test runs on a thread that blocks
        // signals (libdispatch's workers do), and a mask is inherited across exec. tmux's server
        // would never see SIGCHLD and pooltop would never see SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, executable, &actions, &attributes, argv, variables)
        guard rc == 0 else { throw SpawnError(command: executable, errno: rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return Outcome(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
                       output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                       error: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// A command that could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        let command: String
        let errno: Int32
        var description: String { "could not start \(command): errno \(errno)" }
    }

    /// Runs pooltop with `arguments`.
    @discardableResult
    static func pooltop(_ arguments: [String], environment: [String: String]? = nil) throws -> Outcome {
        try run(pooltop.path, arguments, environment: environment)
    }
}
