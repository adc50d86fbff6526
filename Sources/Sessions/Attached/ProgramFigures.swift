import Foundation
import PoolEngine

/// CPU and memory of a watched program and its worker processes, read from /proc.
struct ProgramFigures {
    private var lastCPUNanos: UInt64 = 0
    private var lastWall: UInt64 = 0
    private var lastPercent = 0.0
    private var last: (cpuPercent: Double, residentBytes: UInt64, threads: Int) = (0, 0, 0)
    private static let pageBytes = UInt64(sysconf(Int32(_SC_PAGESIZE)))

    /// CPU use since the last call (percent of one core) and resident memory, summed over `pids`.
    /// /proc is read at most every 200 ms; calls in between get the last figures. Once none of
    /// `pids` is left (the program ended), memory and threads stay as last seen and CPU reads 0.
    mutating func read(_ pids: [Int32]) -> (cpuPercent: Double, residentBytes: UInt64, threads: Int) {
        if lastWall > 0, MonotonicClock.now() &- lastWall < 200_000_000 { return last }
        var resident: UInt64 = 0, threads = 0, found = 0
        for pid in pids {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // After the name: state(0) … num_threads(17) … rss(21); CPU comes from CPUTime.
            guard fields.count > 21 else { continue }
            found += 1
            threads += Int(fields[17]) ?? 0
            resident &+= (UInt64(fields[21]) ?? 0) &* Self.pageBytes
        }
        let cpu = CPUTime.processes(pids)
        let now = MonotonicClock.now()
        if lastWall > 0 {
            lastPercent = Double(cpu &- min(cpu, lastCPUNanos)) / Double(max(1, now &- lastWall)) * 100
        }
        lastCPUNanos = cpu
        lastWall = now
        last = found == 0 && last.residentBytes > 0 ? (0, last.residentBytes, last.threads) : (lastPercent, resident, threads)
        return last
    }
}
