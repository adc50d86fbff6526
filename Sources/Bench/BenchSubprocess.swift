import CPoolSupport
import Glibc

/// Runs a program to its end with bytes on its standard input, collecting its standard output:
/// the bench's way to drive `bench/peers.py` and its own frame probe. posix_spawn through the
/// engine's C support (close-on-exec pipes, own process group), never fork.
enum BenchSubprocess {
    /// The child's end state and what it wrote.
    struct Outcome {
        /// The wait status, decoded: the exit code, or nil when a signal ended it.
        var exitCode: Int32?
        /// The signal that ended it, if one did.
        var signal: Int32?
        /// Everything it wrote on standard output (or on fd 3, for `resultFD` runs).
        var output: [UInt8]
    }

    /// Runs `path` with `arguments` (argv[0] included), writes `input` to its stdin, closes it,
    /// and reads its stdout to the end. Stderr goes to ours.
    static func run(_ path: String, arguments: [String], input: [UInt8]) throws(BenchFailure) -> Outcome {
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        guard pooltop_pipe_cloexec(&stdinPipe) == 0 else { throw BenchFailure("pipe: \(String(cString: strerror(errno)))") }
        guard pooltop_pipe_cloexec(&stdoutPipe) == 0 else {
            close(stdinPipe[0]); close(stdinPipe[1])
            throw BenchFailure("pipe: \(String(cString: strerror(errno)))")
        }
        let pid: pid_t
        do throws(BenchFailure) {
            pid = try spawn(path, arguments: arguments, stdin: stdinPipe[0], stdout: stdoutPipe[1], fd3: -1, stderr: STDERR_FILENO)
        } catch {
            for fd in stdinPipe + stdoutPipe { close(fd) }
            throw error
        }
        close(stdinPipe[0])
        close(stdoutPipe[1])
        writeAll(input, to: stdinPipe[1])
        close(stdinPipe[1])
        let output = readAll(from: stdoutPipe[0])
        close(stdoutPipe[0])
        return reap(pid, output: output)
    }

    /// Starts `path` with the given descriptors as its fds 0, 1, 3 and 2 (-1 for /dev/null).
    /// - Returns: the child's pid.
    static func spawn(_ path: String, arguments: [String], stdin: Int32, stdout: Int32, fd3: Int32, stderr: Int32) throws(BenchFailure) -> pid_t {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let rc = pooltop_spawn(path, &argv, stdin, stdout, fd3, stderr, &pid)
        guard rc == 0 else { throw BenchFailure("could not start \(path): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Waits for `pid` to end and decodes its status.
    static func reap(_ pid: pid_t, output: [UInt8]) -> Outcome {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if pooltop_status_signalled(status) == 1 {
            return Outcome(exitCode: nil, signal: pooltop_status_signal(status), output: output)
        }
        return Outcome(exitCode: pooltop_status_exit_code(status), signal: nil, output: output)
    }

    /// Reads `fd` until end of file.
    static func readAll(from fd: Int32) -> [UInt8] {
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

    /// Writes all of `bytes` to `fd`, giving up on errors (a child that died early: EPIPE).
    static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if errno != EINTR {
                return
            }
        }
    }

    /// The absolute path of `command`: itself when it holds a slash, else the first executable
    /// file of that name on `PATH`; nil when there is none.
    static func locate(_ command: String) -> String? {
        if command.contains("/") { return access(command, X_OK) == 0 ? command : nil }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(command)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
