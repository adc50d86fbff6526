import CPoolSupport
import Glibc
@testable import PoolEngine

/// A shared region and a calibrated CPU rate, and a way to spawn workers that use them.
struct ProcessFixture {
    /// The CPU loop's rate, measured once for every test in the process.
    static let rate = CPUBurner.calibrated(rounds: 3).iterationsPerNanosecond

    let region: SharedRegion

    /// A fresh region (its own counter, lock and slots).
    init() throws {
        region = try SharedRegion(origin: MonotonicClock.now())
    }

    /// Spawns one worker and waits for it to be ready.
    func spawn() throws -> ChildWorker {
        try ChildWorker(command: WorkerBinary.command, region: region, iterationsPerNanosecond: Self.rate)
    }

    /// Spawns `count` workers, one after another.
    func spawn(_ count: Int) throws -> [ChildWorker] {
        try (0..<count).map { _ in try spawn() }
    }

    /// The number of descriptors this process has open (other tests in the same process may open
    /// some at the same time: compare with a margin, or use `pipes(of:)` for an exact check).
    static var openDescriptors: Int { Int(pooltop_open_fd_count()) }

    /// The pipes (by inode) that `child`'s descriptors refer to, while they are open.
    static func pipes(of child: ChildWorker) -> Set<UInt64> {
        Set([child.input, child.output].compactMap { fd -> UInt64? in
            var status = stat()
            return fstat(fd, &status) == 0 ? UInt64(status.st_ino) : nil
        })
    }

    /// Those of `candidates` still open after waiting up to `seconds` for them to close. Tests run
    /// in parallel in this process, and a pipe another test opened meanwhile (an end-to-end test's
    /// child process) closes when that test is done with it; a pipe the pool leaked never does.
    static func pipesStillOpen(_ candidates: Set<UInt64>, waitingUpTo seconds: Double) -> Set<UInt64> {
        let deadline = MonotonicClock.now() &+ UInt64(seconds * 1e9)
        var open = candidates.intersection(openPipes)
        while !open.isEmpty, MonotonicClock.now() < deadline {
            usleep(50_000)
            open.formIntersection(openPipes)
        }
        return open
    }

    /// The pipes (by inode) that any descriptor of this process refers to now.
    static var openPipes: Set<UInt64> {
        guard let directory = opendir("/proc/self/fd") else { return [] }
        defer { closedir(directory) }
        var found: Set<UInt64> = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            var target = [CChar](repeating: 0, count: 64)
            let count = readlink("/proc/self/fd/" + name, &target, 63)
            guard count > 0 else { continue }
            let text = String(decoding: target[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("pipe:["), let inode = UInt64(text.dropFirst(6).dropLast()) { found.insert(inode) }
        }
        return found
    }

    /// True when `pid` is not a child of this process any more (reaped: no zombie left).
    static func isReaped(_ pid: Int32) -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == -1 && errno == ECHILD
    }
}
