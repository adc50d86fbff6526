import PoolCore
import Foundation
import Glibc
import PoolEngine
import Synchronization

/// Runs a child process on a pseudo-terminal of a given size, so that it can open a real ncurses
/// session without our terminal, and collects what it writes on fd 3.
///
/// The terminal side is drained on a thread of its own (a full pty would block the child's
/// drawing) and counted, not shown.
enum BenchPseudoTerminal {
    /// Linux ioctl numbers glibc does not export to Swift (`_IOW('T', 0x31, int)` and
    /// `_IOR('T', 0x30, unsigned int)`).
    private static let unlockRequest = UInt(0x4004_5431)
    private static let numberRequest = UInt(0x8004_5430)

    /// Runs `arguments` (argv[0] included) of the executable at `path` on a `width`×`height`
    /// terminal and returns what it wrote on fd 3 and how many bytes it sent to the terminal.
    static func run(_ path: String, arguments: [String], width: Int, height: Int) throws(BenchFailure) -> (result: [UInt8], terminalBytes: Int) {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw BenchFailure("no pseudo-terminal: \(String(cString: strerror(errno)))") }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, unlockRequest, &unlock) == 0, ioctl(master, numberRequest, &number) == 0 else {
            throw BenchFailure("could not unlock the pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw BenchFailure("could not open /dev/pts/\(number): \(String(cString: strerror(errno)))") }
        let results: (read: Int32, write: Int32)
        let pid: pid_t
        do throws(SubprocessError) {
            results = try Subprocess.pipe()
            do throws(SubprocessError) {
                pid = try Subprocess.spawn(path, arguments: arguments, stdin: slave, stdout: slave, fd3: results.write, stderr: -1)
            } catch {
                close(results.read); close(results.write)
                throw error
            }
        } catch {
            close(slave)
            throw BenchFailure(error.description)
        }
        close(slave)
        close(results.write)
        let drain = Drain(fd: master)
        let result = Subprocess.readAll(from: results.read)
        close(results.read)
        let outcome = Subprocess.reap(pid, output: result)
        let bytes = drain.finish()
        guard outcome.exitCode == 0 else {
            let how = outcome.signal.map { "was killed by signal \($0)" } ?? "exited with status \(outcome.exitCode ?? -1)"
            throw BenchFailure("the frame probe \(how)")
        }
        return (result, bytes)
    }

    /// Reads the terminal side until told to stop, counting bytes.
    private final class Drain: Sendable {
        private let stopping = Atomic<Bool>(false)
        private let bytes = Atomic<Int>(0)
        private let done = WakeSignal()

        init(fd: Int32) {
            let started = ThreadLauncher.start { [self] in
                var buffer = [UInt8](repeating: 0, count: 65_536)
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                while !stopping.load(ordering: .relaxed) {
                    guard poll(&poller, 1, 50) > 0 else { continue }
                    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if count > 0 {
                        bytes.add(count, ordering: .relaxed)
                    } else if count == 0 || errno != EINTR {
                        break  // EIO: the child and every copy of the terminal side are gone
                    }
                }
                done.signal()
            }
            if !started { done.signal() }
        }

        /// Stops reading and returns the bytes read.
        func finish() -> Int {
            stopping.store(true, ordering: .relaxed)
            done.wait()
            return bytes.load(ordering: .relaxed)
        }
    }
}
