import Foundation
import Synchronization

/// The real pooltop binary running in a private, detached tmux server of a fixed size: keys go in
/// with `send-keys`, the screen comes out with `capture-pane`, and the exit status stays readable
/// after the program ends (`remain-on-exit`).
final class TmuxSession {
    private static let counter = Atomic<Int>(0)
    let socket: String
    private let config: URL

    /// Starts `arguments` (the pooltop binary's arguments) in a new session of `width`×`height`, in
    /// `directory` when one is given.
    init(_ arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:], directory: URL? = nil) throws {
        socket = "pooltop-e2e-\(getpid())-\(Self.counter.add(1, ordering: .relaxed).newValue)"
        config = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        try "set -g remain-on-exit on\nset -g status off\n".write(to: config, atomically: true, encoding: .utf8)
        var command = ["-L", socket, "-f", config.path, "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)",
                       "-e", "LANG=C.UTF-8", "-e", "SWIFT_BACKTRACE=interactive=no"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { command += ["-e", "\(key)=\(value)"] }
        if let directory { command += ["-c", directory.path] }
        command.append(([Binary.pooltop.path] + arguments).map(Self.quoted).joined(separator: " "))
        let started = try Binary.run("tmux", command)
        guard started.status == 0 else { throw TmuxError(message: "tmux new-session exited \(started.status)") }
    }

    deinit {
        _ = try? Self.tmux(["-L", socket, "kill-server"])
        try? FileManager.default.removeItem(at: config)
    }

    /// Types keys (tmux key names: "q", "+", "Space", "Escape", "C-c").
    func send(_ keys: String...) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", "t"] + keys)
    }

    /// Types `text` as it is (`send-keys -l`): for escape sequences such as mouse reports.
    func sendLiteral(_ text: String) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", "t", "-l", text])
    }

    /// The screen as text; with `escapes`, with its color and attribute sequences.
    func screen(escapes: Bool = false) throws -> String {
        try Self.tmux(["-L", socket, "capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : []))
    }

    /// Polls the screen every 20 ms until it contains `text`, for at most `seconds`.
    func waitFor(_ text: String, seconds: Double = 15) -> Bool {
        waitUntil(seconds: seconds) { $0.contains(text) }
    }

    /// Polls the screen every 20 ms until `condition` holds on it, for at most `seconds`.
    func waitUntil(seconds: Double = 15, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if let text = try? screen(), condition(text) { return true }
            usleep(20_000)
        } while Date() < deadline
        return false
    }

    /// A tmux format value of the pane, e.g. `#{pane_dead}`.
    func pane(_ format: String) throws -> String {
        try Self.tmux(["-L", socket, "display-message", "-p", "-t", "t", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits for the program to end; returns its exit status (128 + N for signal N), or nil if it
    /// still runs after `seconds`.
    ///
    /// tmux 3.3 sometimes marks the pane dead without ever reaping the program (it stays a zombie
    /// and `pane_dead_status` stays empty), so the status is also read from the zombie's
    /// `/proc/PID/stat` (field 52, the wait status), which the kernel keeps until it is reaped.
    func exitStatus(within seconds: Double = 15) -> Int? {
        let program = try? pid()
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if (try? pane("#{pane_dead}")) == "1", let ended = try? pane("#{pane_dead_status}:#{pane_dead_signal}") {
                let parts = ended.split(separator: ":", omittingEmptySubsequences: false)
                if let status = Int(parts[0]) { return status }
                if parts.count > 1, let signal = Int(parts[1]) { return 128 + signal }
            }
            if let program, let status = Self.zombieStatus(of: program) { return status }
            usleep(20_000)
        } while Date() < deadline
        return nil
    }

    /// The exit status of `pid` if it is a zombie (ended, not yet reaped), from `/proc/PID/stat`.
    private static func zombieStatus(of pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (comm)": field 3 is the state, field 52 the exit code.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.first == "Z", fields.count >= 50, let wait = Int(fields[49].trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return wait & 0x7f == 0 ? (wait >> 8) & 0xff : 128 + (wait & 0x7f)
    }

    /// Resizes the window, as a user dragging the terminal would.
    func resize(width: Int, height: Int) throws {
        try Self.tmux(["-L", socket, "resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The program's process id.
    func pid() throws -> Int32 {
        Int32(try pane("#{pane_pid}")) ?? 0
    }

    // MARK: - Running tmux

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let outcome = try Binary.run("tmux", arguments)
        guard outcome.status == 0 else { throw TmuxError(message: "tmux \(arguments.joined(separator: " ")): \(outcome.error)") }
        return outcome.output
    }

    private static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A tmux command that failed.
struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
