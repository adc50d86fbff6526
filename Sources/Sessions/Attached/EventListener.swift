import Foundation
import Glibc
import PoolCore
import PoolEngine

/// The Unix socket a watched program's probe connects to: one connection per process (the
/// program and each of its worker processes). A thread accepts, a thread per connection reads its
/// lines and hands each to `onLine`; `send` writes a command line back to a connection.
public final class EventListener: @unchecked Sendable {
    /// The socket's path (in a private temporary folder).
    public let path: String
    private let folder: String
    private let descriptor: Int32
    private let connections = LockedValue<[Int: Int32]>([:])
    private let onLine: @Sendable (_ connection: Int, _ line: ArraySlice<UInt8>) -> Void
    private let closed = LockedValue(false)

    /// Listens on a new socket; `onLine` is called from the reader threads.
    /// - Throws: the system's reason when the socket cannot be made.
    public init(onLine: @escaping @Sendable (_ connection: Int, _ line: ArraySlice<UInt8>) -> Void) throws(SubprocessError) {
        var template = Array((NSTemporaryDirectory() + "pooltop-watch-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw SubprocessError("cannot make a folder for the socket: \(String(cString: strerror(errno)))", code: errno)
        }
        let folder = String(cString: made)
        let path = folder + "/events.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard fd >= 0, bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw SubprocessError("cannot make the socket \(path)", code: errno)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw SubprocessError("cannot listen on \(path): \(String(cString: strerror(code)))", code: code)
        }
        self.folder = folder
        self.path = path
        self.descriptor = fd
        self.onLine = onLine
        guard ThreadLauncher.start(stackBytes: 256 * 1024, { [self] in acceptLoop() }) else {
            Glibc.close(descriptor)
            throw SubprocessError("no thread to accept the program's connections", code: EAGAIN)
        }
    }

    /// Writes `line` (a newline is added) to `connection`; false when it is gone.
    @discardableResult
    public func send(_ line: String, to connection: Int) -> Bool {
        guard let fd = connections.withLock({ $0[connection] }) else { return false }
        return Subprocess.writeAll(Array((line + "\n").utf8), to: fd)
    }

    /// Stops listening, ends every connection and removes the socket.
    /// Sets the environment the children it listens for inherit: `POOLTOP_SOCKET` to this socket,
    /// and `probeDirectory` (the folder holding `pooltop_probe`) first on `PYTHONPATH`, once.
    public func exportEnvironment(probeDirectory: String) {
        setenv("POOLTOP_SOCKET", path, 1)
        let pythonPath = getenv("PYTHONPATH").map { String(cString: $0) } ?? ""
        let entries = pythonPath.split(separator: ":").map(String.init)
        guard entries.first != probeDirectory else { return }
        setenv("PYTHONPATH", ([probeDirectory] + entries).joined(separator: ":"), 1)
    }

    public func close() {
        guard !closed.withLock({ was in defer { was = true }; return was }) else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        Glibc.close(descriptor)
        for fd in connections.withLock({ Array($0.values) }) { shutdown(fd, Int32(SHUT_RDWR)) }
        unlink(path)
        rmdir(folder)
    }

    deinit { close() }

    private func acceptLoop() {
        var next = 1
        while true {
            let fd = accept(descriptor, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            let id = next
            next += 1
            connections.withLock { $0[id] = fd }
            if !ThreadLauncher.start(stackBytes: 256 * 1024, { [self] in readLoop(fd, id: id) }) {
                Glibc.close(fd)
                connections.withLock { $0[id] = nil }
            }
        }
    }

    private func readLoop(_ fd: Int32, id: Int) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            pending += chunk[0..<count]
            var start = 0
            while let end = pending[start...].firstIndex(of: 0x0A) {
                if end > start { onLine(id, pending[start..<end]) }
                start = end + 1
            }
            pending.removeFirst(start)
        }
        connections.withLock { $0[id] = nil }
        Glibc.close(fd)
    }
}
