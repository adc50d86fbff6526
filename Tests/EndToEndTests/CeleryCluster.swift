import Foundation

/// A real Celery cluster for the end-to-end tests: `redis-server` on a free loopback port and two
/// Celery workers (`a@host-a`, `b@host-b`, 2 pool processes each, in network namespaces of their
/// own where the machine allows), started by the probe's own test
/// helper (`python3 python/tests/celery_cluster.py serve`) and driven over its stdin and stdout.
/// Ending the helper's input stops everything it started.
final class CeleryCluster {
    /// Why the cluster cannot run on this machine, or nil when it can.
    static let missing: String? = {
        guard let answer = try? Binary.run("python3", ["-c", "import shutil, importlib.util as u; "
            + "print('ok' if shutil.which('redis-server') and u.find_spec('celery') and u.find_spec('redis') else 'missing')"]) else {
            return "python3 is not there"
        }
        return answer.output.hasPrefix("ok") ? nil : "redis-server or celery[redis] is not installed (.ci/run installs them)"
    }()

    static let helper = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("python/tests/celery_cluster.py")

    /// `redis://127.0.0.1:PORT/0`.
    private(set) var broker = ""
    /// The host names the workers run on: `host-a`, `host-b` (each in network and UTS namespaces
    /// of its own) where the machine allows it, else this machine's one name.
    private(set) var hosts: [String] = []
    private let pid: pid_t
    /// Our end of the socket pair that is the helper's stdin and stdout.
    private let connection: Int32
    private var buffered: [UInt8] = []
    private var stopped = false

    /// Starts the cluster and waits (at most a minute) until both workers answer.
    init() throws {
        // A socket pair, not pipes: the process-mode tests count this process's open pipes, and
        // this suite may run beside them.
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else { throw ClusterError("no socket pair") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        for fd in ends { posix_spawn_file_actions_addclose(&actions, fd) }
        let words: [String] = ["python3", Self.helper.path, "serve"]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var spawned: pid_t = 0
        let rc = posix_spawnp(&spawned, "python3", &actions, nil, argv, environ)
        close(ends[1])
        guard rc == 0 else {
            close(ends[0])
            throw ClusterError("could not start the cluster helper: errno \(rc)")
        }
        pid = spawned
        connection = ends[0]
        while let line = readLine(seconds: 90) {
            if line.hasPrefix("broker ") { broker = String(line.dropFirst(7)) }
            if line.hasPrefix("hosts ") { hosts = line.dropFirst(6).split(separator: " ").map(String.init) }
            if line == "ready" { return }
            if line.hasPrefix("missing") { break }
        }
        stop()
        throw ClusterError("the cluster did not come up (see the helper's progress on stderr)")
    }

    deinit { stop() }

    /// The pool processes of every worker, as `celery inspect stats` counts them.
    func processes() -> Int? {
        ask("stats", answer: "processes ")
    }

    /// SIGKILLs a pool process of worker `node` (`a`, `b`) that runs a task; its pid.
    func killBusyProcess(of node: String) -> Int? {
        ask("kill \(node)", answer: "killed ")
    }

    /// Stops the cluster (the helper stops redis-server and the workers at the end of its input).
    func stop() {
        guard !stopped else { return }
        stopped = true
        shutdown(connection, Int32(SHUT_WR))
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        close(connection)
    }

    private func ask(_ command: String, answer prefix: String) -> Int? {
        let line = command + "\n"
        guard write(connection, line, line.utf8.count) == line.utf8.count else { return nil }
        while let reply = readLine(seconds: 20) {
            if reply.hasPrefix(prefix) { return Int(reply.dropFirst(prefix.count)) }
        }
        return nil
    }

    /// The helper's next line, or nil when none comes within `seconds` or it has ended.
    private func readLine(seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var descriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(left, 1) * 1000)) >= 0 else { return nil }
            guard descriptor.revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(connection, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffered += chunk[..<count]
        }
    }

    struct ClusterError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
