@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// `update` for each key of DESIGN.md §3: the commands it returns and the state it leaves.
@Suite struct UpdateKeyTests {
    /// A state that has seen one snapshot of a pool with `configuration` and `workload`.
    func state(
        _ configuration: PoolConfiguration = PoolConfiguration(),
        workload: WorkloadStatus? = WorkloadStatus(task: TaskSpec(kind: .io, costNanos: 50_000_000), fanout: 5),
        modes: [PoolMode] = [.threads, .unbounded]
    ) -> DashboardState {
        var state = DashboardState(width: 80, height: 24, themes: [.builtin, .monochrome], availableModes: modes)
        _ = state.update(.snapshot(PoolSnapshot(elapsedNanos: 1_000_000_000, configuration: configuration, workload: workload)))
        return state
    }

    func key(_ character: Character) -> DashboardMessage { .key(.character(character)) }

    // MARK: - Cap

    @Test func plusAndMinusChangeTheCapByOne() {
        var state = state()
        #expect(state.update(key("+")) == [.command(.resize(to: 51))])
        #expect(state.pendingCap == 51)
        #expect(state.commandEcho == "cap 50 → 51")
        var other = self.state()
        #expect(other.update(key("=")) == [.command(.resize(to: 51))])
        #expect(other.update(key("-")) == [.command(.resize(to: 50))])
        #expect(other.update(key("-")) == [.command(.resize(to: 49))])
    }

    @Test func bracketsChangeTheCapByTen() {
        var state = state()
        #expect(state.update(key("]")) == [.command(.resize(to: 60))])
        #expect(state.update(key("[")) == [.command(.resize(to: 50))])
        #expect(state.update(key("[")) == [.command(.resize(to: 40))])
    }

    @Test func quickRepeatedPlusAddsUpBeforeTheSnapshotShowsIt() {
        var state = state()
        #expect(state.update(key("+")) == [.command(.resize(to: 51))])
        #expect(state.update(key("+")) == [.command(.resize(to: 52))])
        #expect(state.update(key("+")) == [.command(.resize(to: 53))])
    }

    @Test func aSnapshotShowingTheNewCapEndsThePendingChange() {
        var state = state()
        _ = state.update(key("+"))
        _ = state.update(.snapshot(PoolSnapshot(elapsedNanos: 1_100_000_000, configuration: PoolConfiguration(cap: 51))))
        #expect(state.pendingCap == nil)
        #expect(state.update(key("+")) == [.command(.resize(to: 52))])
    }

    @Test func aPendingCapTheEngineNeverShowsExpires() {
        var state = state()
        _ = state.update(key("]"))
        _ = state.update(.snapshot(PoolSnapshot(elapsedNanos: 2_000_000_000, configuration: PoolConfiguration(cap: 50))))
        #expect(state.pendingCap == 60)
        _ = state.update(.snapshot(PoolSnapshot(elapsedNanos: 3_500_000_000, configuration: PoolConfiguration(cap: 50))))
        #expect(state.pendingCap == nil)
        #expect(state.update(key("+")) == [.command(.resize(to: 51))])
    }

    @Test func theCapIsClampedTo1Through4096() {
        var top = state(PoolConfiguration(cap: 4090))
        #expect(top.update(key("]")) == [.command(.resize(to: 4096))])
        #expect(top.update(key("+")) == [])
        #expect(top.localEvents.last?.message == "cap already at its maximum 4096")
        #expect(top.localEvents.last?.severity == .warning)
        var bottom = state(PoolConfiguration(cap: 5))
        #expect(bottom.update(key("[")) == [.command(.resize(to: 1))])
        #expect(bottom.update(key("-")) == [])
        #expect(bottom.localEvents.last?.message == "cap already at its minimum 1")
    }

    // MARK: - Mode, work, locks

    @Test func mCyclesTheAvailableModes() {
        var state = state()
        #expect(state.update(key("m")) == [.command(.switchMode(to: .unbounded))])
        #expect(state.update(key("m")) == [.command(.switchMode(to: .threads))])
        var three = self.state(modes: [.threads, .processes, .unbounded])
        #expect(three.update(key("m")) == [.command(.switchMode(to: .processes))])
        #expect(three.update(key("m")) == [.command(.switchMode(to: .unbounded))])
        #expect(three.update(key("m")) == [.command(.switchMode(to: .threads))])
    }

    @Test func mWithOneModeOnlyNotesThatThereIsNoOther() {
        var state = state(modes: [.threads])
        #expect(state.update(key("m")) == [])
        #expect(state.localEvents.last?.message == "no other mode available")
    }

    @Test func wCyclesCpuIoMixed() {
        var state = state()
        #expect(state.update(key("w")) == [.command(.setWorkKind(.mixed))])
        #expect(state.update(key("w")) == [.command(.setWorkKind(.cpu))])
        #expect(state.update(key("w")) == [.command(.setWorkKind(.io))])
        var unknown = self.state(workload: nil)
        #expect(unknown.update(key("w")) == [.command(.setWorkKind(.cpu))])
    }

    @Test func lAndGToggleTheLocks() {
        var state = state()
        #expect(state.update(key("l")) == [.command(.setLockEnabled(false))])
        #expect(state.update(key("l")) == [.command(.setLockEnabled(true))])
        #expect(state.update(key("g")) == [.command(.setInterpreterLockEnabled(true))])
        #expect(state.update(key("g")) == [.command(.setInterpreterLockEnabled(false))])
    }

    @Test func kKillsAWorkerOnlyInProcessesMode() {
        var threads = state()
        #expect(threads.update(key("k")) == [])
        #expect(threads.localEvents.last?.message == "k needs processes mode")
        #expect(threads.localEvents.last?.severity == .warning)
        var processes = state(PoolConfiguration(mode: .processes), modes: [.threads, .processes])
        #expect(processes.update(key("k")) == [.command(.killWorker)])
        var switching = state(modes: [.threads, .processes])
        #expect(switching.update(key("k")) == [])
        #expect(switching.localEvents.last?.message == "k needs processes mode (m switches mode)")
        #expect(switching.update(key("m")) == [.command(.switchMode(to: .processes))])
        #expect(switching.update(key("k")) == [.command(.killWorker)])
    }

    // MARK: - Time scale

    @Test func lessThanSlowsDownAndGreaterThanSpeedsUp() {
        var state = state()
        #expect(state.update(key("<")) == [.command(.setTimeScale(2))])
        #expect(state.update(key("<")) == [.command(.setTimeScale(4))])
        #expect(state.update(key(">")) == [.command(.setTimeScale(2))])
        #expect(state.update(key(">")) == [.command(.setTimeScale(1))])
        #expect(state.update(key(">")) == [.command(.setTimeScale(0.5))])
    }

    @Test func theTimeScaleStaysWithinASixteenthAndSixtyFour() {
        var slow = state(PoolConfiguration(timeScale: 64))
        #expect(slow.update(key("<")) == [])
        #expect(slow.update(key(">")) == [.command(.setTimeScale(32))])
        var fast = state(PoolConfiguration(timeScale: 1.0 / 16))
        #expect(fast.update(key(">")) == [])
        #expect(fast.localEvents.last?.message == "time scale already at ×1/16")
    }

    // MARK: - Workload and statistics

    @Test func bFiresABurstAndAToggleArrivals() {
        var state = state()
        #expect(state.update(key("b")) == [.command(.fireBurst)])
        #expect(state.update(key("a")) == [.command(.setArrivalsEnabled(true))])
        #expect(state.update(key("a")) == [.command(.setArrivalsEnabled(false))])
    }

    @Test func rResetsStatistics() {
        var state = state()
        #expect(state.update(key("r")) == [.command(.resetStatistics)])
    }

    // MARK: - Quitting and unknown keys

    @Test func qAndControlCQuit() {
        var state = state()
        #expect(state.update(key("q")) == [.quit])
        #expect(state.update(.key(.control("c"))) == [.quit])
    }

    @Test(arguments: [Key.character("X"), .character("Q"), .up, .function(1), .enter, .control("d"), .tab])
    func unknownKeysDoNothing(key: Key) {
        var state = state()
        let before = state
        #expect(state.update(.key(key)) == [])
        #expect(state == before)
    }
}
