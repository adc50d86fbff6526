import Glibc
import Testing
@testable import PoolEngine

@Suite("Reading the process's own figures")
struct ProcessStatsReaderTests {
    @Test("threads, resident memory and context switches come from /proc/self/status")
    func readsTheStatusFile() {
        var reader = ProcessStatsReader()
        usleep(UInt32(ProcessStatsReader.refreshNanos / 1000) + 10_000)  // younger readings repeat the last
        let stats = reader.read()
        // This test process runs Swift Testing's threads and has touched megabytes of memory.
        #expect(stats.threads >= 2)
        #expect(stats.residentBytes > 1 << 20)
        #expect(stats.voluntaryContextSwitches > 0)
        #expect(stats.cpuPercent >= 0)
        let status = ProcessStatsReader.contents(of: "/proc/self/status") ?? ""
        #expect(status.contains("Threads:"))
    }

    @Test("worker processes' resident memory joins the total; a worker gone is forgotten")
    func childrenResidentMemoryCounts() throws {
        let devNull = open("/dev/null", O_RDWR)
        defer { close(devNull) }
        let pids = try (0..<3).map { _ in
            try Subprocess.spawn("/bin/sleep", arguments: ["sleep", "30"], stdin: devNull, stdout: devNull, fd3: -1, stderr: devNull)
        }
        defer {
            for pid in pids { kill(pid, SIGKILL) }
            for pid in pids { _ = Subprocess.reap(pid) }
        }
        let each = try #require(ProcessStatsReader.residentBytes(of: pids[0]))
        #expect(each > 0)
        var reader = ProcessStatsReader()
        usleep(UInt32(ProcessStatsReader.refreshNanos / 1000) + 10_000)
        let alone = reader.read().residentBytes
        usleep(UInt32(ProcessStatsReader.refreshNanos / 1000) + 10_000)
        let withChildren = reader.read(children: { pids })
        #expect(withChildren.childProcesses == 3)
        // Every worker is read when first seen, not only this refresh's turn of them.
        #expect(withChildren.residentBytes >= alone / 2 + 3 * each / 2)

        kill(pids[2], SIGKILL)
        _ = Subprocess.reap(pids[2])
        #expect(ProcessStatsReader.residentBytes(of: pids[2]) == nil)
        usleep(UInt32(ProcessStatsReader.refreshNanos / 1000) + 10_000)
        let fewer = reader.read(children: { Array(pids.prefix(2)) })
        #expect(fewer.childProcesses == 2)
    }
}
