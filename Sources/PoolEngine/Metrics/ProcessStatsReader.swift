import CPoolSupport
import Glibc
import PoolCore

/// Reads the process's own figures from `/proc/self` without Foundation: threads, resident memory,
/// context switches; CPU percent comes from the difference between two readings. In process mode
/// the worker processes count too: their CPU (`CPUTime.processTree`) and their resident memory.
///
/// A worker's resident memory is read when it is first seen, then again in turn: a tenth of the
/// workers at each refresh, so each figure is at most `childRotation` refreshes (2 s) old. Reading
/// all fifty `/proc/PID/statm` files at every refresh cost 0.2 % of the run's CPU in
/// `run --mode processes`, for figures that barely move once a worker is up.
struct ProcessStatsReader: Sendable {
    private var lastCPUNanos: UInt64 = CPUTime.processTree(children: [])
    private var lastWallNanos: UInt64 = MonotonicClock.now()
    private var last = ProcessStats()
    /// The last resident memory read of each live worker process, in bytes.
    private var childResidentBytes: [Int32: UInt64] = [:]
    /// Where the next refresh's turn of workers starts, in the list of live workers.
    private var nextChild = 0
    /// Readings closer together than this return the previous one: reading `/proc` costs more
    /// than a frame can spare at 30 fps, and these figures move slowly.
    static let refreshNanos: UInt64 = 200_000_000
    /// Every worker's memory is read again within this many refreshes.
    static let childRotation = 10

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
        stats.residentBytes &+= childrenResidentBytes(children)
        last = stats
        return stats
    }

    /// The resident memory of the live workers `children`: read for those first seen and for this
    /// refresh's turn, the last reading for the others; workers gone are forgotten.
    private mutating func childrenResidentBytes(_ children: [Int32]) -> UInt64 {
        guard !children.isEmpty else {
            childResidentBytes.removeAll()
            return 0
        }
        let live = Set(children)
        childResidentBytes = childResidentBytes.filter { live.contains($0.key) }
        let turn = max(1, (children.count + Self.childRotation - 1) / Self.childRotation)
        let start = nextChild % children.count
        nextChild = start + turn
        var total: UInt64 = 0
        for (position, child) in children.enumerated() {
            let inTurn = (position - start + children.count) % children.count < turn
            if inTurn || childResidentBytes[child] == nil, let bytes = Self.residentBytes(of: child) {
                childResidentBytes[child] = bytes
            }
            total &+= childResidentBytes[child] ?? 0
        }
        return total
    }

    /// A process's resident memory from `/proc/PID/statm`, or nil when it is gone.
    static func residentBytes(of pid: Int32) -> UInt64? {
        guard let statm = contents(of: "/proc/\(pid)/statm") else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = UInt64(fields[1]) else { return nil }
        return pages &* pageBytes
    }

    /// The size of a memory page.
    private static let pageBytes = UInt64(max(1, sysconf(Int32(_SC_PAGESIZE))))

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
