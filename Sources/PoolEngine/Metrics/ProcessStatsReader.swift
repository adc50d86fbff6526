import CPoolSupport
import Glibc
import PoolCore

/// Reads the process's own figures from `/proc/self` without Foundation: threads, resident memory,
/// context switches; CPU percent comes from the difference between two readings. In process mode
/// the worker processes count too: their CPU (`CPUTime.processTree`) and their resident memory.
struct ProcessStatsReader: Sendable {
    private var lastCPUNanos: UInt64 = CPUTime.processTree(children: [])
    private var lastWallNanos: UInt64 = MonotonicClock.now()
    private var last = ProcessStats()
    /// Readings closer together than this return the previous one: reading `/proc` costs more
    /// than a frame can spare at 30 fps, and these figures move slowly.
    static let refreshNanos: UInt64 = 200_000_000

    init() {}

    /// A reading now, or the previous one if it is younger than `refreshNanos`; CPU percent is over
    /// the time between the two readings.
    /// - Parameter children: the pids of the pool's live worker processes (asked only on a refresh).
    mutating func read(children: () -> [Int32] = { [] }) -> ProcessStats {
        let wall = MonotonicClock.now()
        guard wall &- lastWallNanos >= Self.refreshNanos else { return last }
        let children = children()
        var stats = ProcessStats()
        let cpu = CPUTime.processTree(children: children)
        stats.cpuPercent = Double(cpu &- lastCPUNanos) / Double(wall &- lastWallNanos) * 100
        lastCPUNanos = cpu
        lastWallNanos = wall
        if let status = Self.bytes(of: "/proc/self/status") {
            // As bytes: splitting the text as Strings (by grapheme) cost more than reading it.
            for line in status.split(separator: UInt8(ascii: "\n")) {
                if line.starts(with: "Threads:".utf8) { stats.threads = Int(Self.number(in: line)) }
                else if line.starts(with: "VmRSS:".utf8) { stats.residentBytes = Self.number(in: line) * 1024 }
                else if line.starts(with: "voluntary_ctxt_switches:".utf8) { stats.voluntaryContextSwitches = Self.number(in: line) }
                else if line.starts(with: "nonvoluntary_ctxt_switches:".utf8) { stats.involuntaryContextSwitches = Self.number(in: line) }
            }
        }
        stats.childProcesses = children.count
        let pageBytes = UInt64(max(1, sysconf(Int32(_SC_PAGESIZE))))
        for child in children {
            guard let statm = Self.contents(of: "/proc/\(child)/statm") else { continue }
            let fields = statm.split(separator: " ")
            if fields.count > 1, let pages = UInt64(fields[1]) { stats.residentBytes &+= pages &* pageBytes }
        }
        last = stats
        return stats
    }

    /// The first run of digits in `line`.
    private static func number(in line: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        var seen = false
        for byte in line {
            if byte >= 48 && byte <= 57 {
                value = value &* 10 &+ UInt64(byte - 48)
                seen = true
            } else if seen {
                break
            }
        }
        return value
    }

    /// A small file's text, or nil.
    static func contents(of path: String) -> String? {
        bytes(of: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A small file's bytes, or nil.
    static func bytes(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 4096) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
