import Foundation
import PoolEngine

/// CPU and memory of a watched program and its worker processes, read from /proc.
struct ProgramFigures {
    private var lastCPUTicks: UInt64 = 0
    private var lastWall: UInt64 = 0
    private var lastPercent = 0.0
    private var last: (cpuPercent: Double, residentBytes: UInt64, threads: Int) = (0, 0, 0)
    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
    private static let pageBytes = UInt64(sysconf(Int32(_SC_PAGESIZE)))

    /// CPU use since the last call (percent of one core) and resident memory, summed over `pids`.
    /// /proc is read at most every 200 ms; calls in between get the last figures.
    mutating func read(_ pids: [Int32]) -> (cpuPercent: Double, residentBytes: UInt64, threads: Int) {
        if lastWall > 0, MonotonicClock.now() &- lastWall < 200_000_000 { return last }
        var ticks: UInt64 = 0, resident: UInt64 = 0, threads = 0
        for pid in pids {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // After the name: state(0) … utime(11) stime(12) … num_threads(17) … rss(21)
            guard fields.count > 21 else { continue }
            ticks &+= (UInt64(fields[11]) ?? 0) &+ (UInt64(fields[12]) ?? 0)
            threads += Int(fields[17]) ?? 0
            resident &+= (UInt64(fields[21]) ?? 0) &* Self.pageBytes
        }
        let now = MonotonicClock.now()
        if lastWall > 0 {
            let cpuSeconds = Double(ticks &- min(ticks, lastCPUTicks)) / Self.ticksPerSecond
            lastPercent = cpuSeconds / (Double(now &- lastWall) / 1e9) * 100
        }
        lastCPUTicks = ticks
        lastWall = now
        last = (lastPercent, resident, threads)
        return last
    }
}
