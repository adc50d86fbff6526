import CPoolSupport
import Glibc
import PoolCore
import Testing
@testable import PoolEngine

@Suite("The shared region's layout and its parent-side view")
struct SharedRegionTests {
    @Test("a second mapping of the same memory file sees the first one's writes")
    func twoMappingsShare() throws {
        let region = try SharedRegion(origin: 1234)
        let copy = dup(region.fileDescriptor)
        let other = try SharedRegion(mapping: copy)
        #expect(other.origin == 1234)
        region.setSlot(4095, .holdingLock, tag: TaskTag(requestID: 77, taskIndex: 5))
        #expect(other.slotState(4095, retiring: false).phase == .holdingLock)
        #expect(other.slotState(4095, retiring: false).requestID == 77)
        #expect(other.lockStats.waiters == 0)
        other.setSlot(9, .waitingForLock)
        #expect(region.lockStats.waiters == 1)
        #expect(try other.incrementCounter(criticalSectionNanos: 0, locked: true, slot: 9, requestID: 0, taskIndex: 0) == false)
        #expect(region.counter == CounterStats(expected: 1, actual: 1))
        #expect(region.lockStats.acquisitions == 1)
        #expect(region.slotPhase(4096) == .empty && region.slotPhase(-1) == .empty)
    }

    @Test("a descriptor that is not a pooltop region is refused")
    func refusesStrangers() throws {
        var fds: [Int32] = [-1, -1]
        #expect(pooltop_pipe_cloexec(&fds) == 0)
        close(fds[1])
        #expect(throws: SharedRegionError.wrongSize(0, expected: SharedRegion.byteCount)) { try SharedRegion(mapping: fds[0]) }
        close(fds[0])
        let blank = pooltop_memfd_create("blank")
        #expect(ftruncate(blank, off_t(SharedRegion.byteCount)) == 0)
        #expect(throws: SharedRegionError.notInitialised) { try SharedRegion(mapping: blank) }
        close(blank)
    }

    @Test("figures of thread mode and process mode combine into one")
    func combining() {
        let threads = LockStats(acquisitions: 3, contended: 1, waitNanosTotal: 10, waitNanosMax: 10, holdNanosTotal: 30, waiters: 1)
        let processes = LockStats(acquisitions: 5, contended: 2, waitNanosTotal: 40, waitNanosMax: 25, holdNanosTotal: 50, waiters: 0)
        #expect(threads.combined(with: processes)
                == LockStats(acquisitions: 8, contended: 3, waitNanosTotal: 50, waitNanosMax: 25, holdNanosTotal: 80, waiters: 1))
        #expect(CounterStats(expected: 5, actual: 5).combined(with: CounterStats(expected: 7, actual: 4))
                == CounterStats(expected: 12, actual: 9))
    }
}
