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
}
