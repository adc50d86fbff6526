import Testing
@testable import PoolEngine

@Suite("CPU burner")
struct CPUBurnerTests {
    @Test("a burn spends its cost to within half a look at the clock, and reports no more than the thread spent")
    func burnReportsWhatItSpent() {
        let burner = CPUBurner.shared
        let nanos: UInt64 = 300_000
        for seed in 1...20 as ClosedRange<UInt64> {
            let before = CPUTime.currentThreadNanos()
            let burn = burner.burnMeasuringCPU(nanos: nanos, seed: seed)
            let spent = CPUTime.currentThreadNanos() &- before
            #expect(burn.cpuNanos + burner.clockReadNanos / 2 >= nanos, "ended early: \(burn.cpuNanos) ns of \(nanos)")
            #expect(burn.cpuNanos <= spent, "reported \(burn.cpuNanos) ns, the thread spent \(spent)")
        }
    }

    @Test("a burn of nothing spends nothing and hands the seed back")
    func zeroCostBurnsNothing() {
        let burn = CPUBurner.shared.burnMeasuringCPU(nanos: 0, seed: 42)
        #expect(burn.checksum == 42)
        #expect(burn.cpuNanos == 0)
    }

    @Test("a look at the thread's CPU clock is measured as a positive cost below a millisecond")
    func clockReadIsMeasured() {
        #expect(CPUBurner.measuredClockReadNanos > 0)
        #expect(CPUBurner.measuredClockReadNanos < 1_000_000)
    }
}
