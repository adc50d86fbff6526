import CPoolSupport
import Glibc

/// Why a subprocess could not be set up or started.
public struct SubprocessError: Error, Hashable, CustomStringConvertible {
    /// A one-line reason, e.g. "could not start /usr/bin/python3: No such file or directory".
    public var message: String
    /// The errno behind it (0 when there is none).
    public var code: Int32

    public init(_ message: String, code: Int32 = 0) {
        self.message = message
        self.code = code
    }

    public var description: String { message }
}

/// Starting and reaping child processes: posix_spawn with close-on-exec pipes and the child in its
/// own process group, never fork. Process mode's worker processes and the bench both start theirs
/// here.
public enum Subprocess {
    /// How a program that was run to its end ended, and what it wrote.
    public struct Outcome: Sendable, Hashable {
        /// Its exit code, or nil when a signal ended it.
        public var exitCode: Int32?
        /// The signal that ended it, if one did.
        public var signal: Int32?
        /// Everything it wrote on standard output (or what the caller read elsewhere).
        public var output: [UInt8]

        public init(exitCode: Int32?, signal: Int32?, output: [UInt8]) {
            self.exitCode = exitCode
            self.signal = signal
            self.output = output
        }

        /// The outcome of a child that ended as `exit` after writing `output`.
        public init(_ exit: ChildExit, output: [UInt8]) {
            switch exit {
            case .exited(let code): self.init(exitCode: code, signal: nil, output: output)
            case .signalled(let number): self.init(exitCode: nil, signal: number, output: output)
            case .unknown: self.init(exitCode: nil, signal: nil, output: output)
            }
        }
    }

    /// Makes a pipe whose two ends are close-on-exec (a spawn maps the ones it hands on).
    public static func pipe() throws(SubprocessError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        let rc = pooltop_pipe_cloexec(&fds)
        guard rc == 0 else { throw SubprocessError("pipe: \(String(cString: strerror(rc)))", code: rc) }
        return (fds[0], fds[1])
    }

    /// Starts `path` with `arguments` as its argv (argv[0] included) and the parent's environment,
    /// with `stdin` as its fd 0, `stdout` as fd 1, `fd3` as fd 3 (-1 for none) and `stderr` as fd 2
    /// (-1 for /dev/null); every other descriptor opened close-on-exec stays behind. The child gets
    /// its own process group, default actions for SIGPIPE, SIGINT, SIGTERM, SIGHUP and SIGQUIT, and
    /// an empty signal mask.
    /// - Returns: the child's pid.
    public static func spawn(_ path: String, arguments: [String], stdin: Int32, stdout: Int32, fd3: Int32,
                             stderr: Int32) throws(SubprocessError) -> pid_t {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let rc = argv.dropLast().contains(nil) ? ENOMEM : pooltop_spawn(path, &argv, stdin, stdout, fd3, stderr, &pid)
        guard rc == 0 else { throw SubprocessError("could not start \(path): \(String(cString: strerror(rc)))", code: rc) }
        return pid
    }

    /// Waits for `pid` to end (retrying on EINTR) and reaps it.
    public static func reap(_ pid: pid_t) -> ChildExit {
        var status: Int32 = 0
        var rc: pid_t
        repeat { rc = waitpid(pid, &status, 0) } while rc < 0 && errno == EINTR
        return rc == pid ? ChildExit(waitStatus: status) : .unknown
    }

    /// Waits for `pid` to end, reaps it, and gives its outcome with `output` (what the caller read
    /// from it meanwhile).
    public static func reap(_ pid: pid_t, output: [UInt8]) -> Outcome {
        Outcome(reap(pid), output: output)
    }

    /// Runs `path` with `arguments` (argv[0] included), writes `input` to its stdin, closes it,
    /// reads its stdout to the end and reaps it. Its stderr goes to ours. The input is written
    /// before any output is read: a program that answers as it reads (like `cat`) must be given
    /// less than a pipe buffer (64 KiB) of input, or both sides wait for ever.
    public static func run(_ path: String, arguments: [String], input: [UInt8]) throws(SubprocessError) -> Outcome {
        let toChild = try pipe()
        let fromChild: (read: Int32, write: Int32)
        do throws(SubprocessError) {
            fromChild = try pipe()
        } catch {
            close(toChild.read); close(toChild.write)
            throw error
        }
        let pid: pid_t
        do throws(SubprocessError) {
            pid = try spawn(path, arguments: arguments, stdin: toChild.read, stdout: fromChild.write, fd3: -1, stderr: STDERR_FILENO)
        } catch {
            for fd in [toChild.read, toChild.write, fromChild.read, fromChild.write] { close(fd) }
            throw error
        }
        close(toChild.read)
        close(fromChild.write)
        writeAll(input, to: toChild.write)
        close(toChild.write)
        let output = readAll(from: fromChild.read)
        close(fromChild.read)
        return reap(pid, output: output)
    }

    /// Reads `fd` until end of file (or an error other than EINTR).
    public static func readAll(from fd: Int32) -> [UInt8] {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                output.append(contentsOf: chunk[0..<count])
            } else if count == 0 || errno != EINTR {
                return output
            }
        }
    }

    /// Writes all of `bytes` to `fd`, giving up on errors other than EINTR (a reader that went
    /// early: EPIPE where SIGPIPE is ignored, see `ChildWorker.prepareParent`).
    /// - Returns: whether every byte was written.
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if errno != EINTR {
                return false
            }
        }
        return true
    }

    /// The path of `command`: itself when it holds a slash (if executable), else the first
    /// executable file of that name on `PATH`; nil when there is none.
    public static func locate(_ command: String) -> String? {
        if command.contains("/") { return access(command, X_OK) == 0 ? command : nil }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(command)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
