import CPoolSupport
import Glibc

/// CPU time used by the calling thread, by pooltop, and by the worker processes it has reaped.
public enum CPUTime {
    /// Nanoseconds of CPU this process has used, all threads (`CLOCK_PROCESS_CPUTIME_ID`).
    public static func processNanos() -> UInt64 { pooltop_process_cpu_nanos() }

    /// Nanoseconds of CPU this process and its reaped children (`getrusage(RUSAGE_CHILDREN)`) have
    /// used. Measure a run that uses worker processes after they have been reaped.
    public static func processAndReapedChildren() -> UInt64 {
        var total = processNanos()
        var usage = rusage()
        if getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 {
            total &+= UInt64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) &* 1_000_000_000
                &+ UInt64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) &* 1_000
        }
        return total
    }

    /// `processAndReapedChildren()` plus the CPU the live `children` have used so far (from
    /// its CPU clock, in nanoseconds, or `/proc/PID/stat` in clock ticks): the whole
    /// process tree's CPU, continuous as children are reaped.
    public static func processTree(children: [Int32]) -> UInt64 {
        processAndReapedChildren() &+ processes(children)
    }

    /// The CPU the live processes `pids` have used so far, in nanoseconds (each from its CPU
    /// clock, or `/proc/PID/stat`'s clock ticks); a process that is gone counts 0.
    public static func processes(_ pids: [Int32]) -> UInt64 {
        var total: UInt64 = 0
        for child in pids {
            // The child's own CPU clock, in nanoseconds; /proc/PID/stat's clock ticks otherwise.
            var clock = clockid_t()
            var time = timespec()
            if clock_getcpuclockid(child, &clock) == 0, clock_gettime(clock, &time) == 0 {
                total &+= UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
                continue
            }
            guard let stat = ProcessStatsReader.contents(of: "/proc/\(child)/stat"), let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm)": field 3 is at index 0, utime (14) and stime (15) at 11 and 12.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { continue }
            total &+= (user &+ system) &* nanosPerTick
        }
        return total
    }

    /// Nanoseconds per clock tick of `/proc/PID/stat`.
    private static let nanosPerTick = 1_000_000_000 / UInt64(max(1, sysconf(Int32(_SC_CLK_TCK))))
}
