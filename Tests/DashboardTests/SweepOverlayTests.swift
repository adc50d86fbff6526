@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// The `s` overlay: the messages that start, feed, finish, apply and close a quick sweep, and how
/// it looks.
@Suite struct SweepOverlayTests {
    func key(_ character: Character) -> DashboardMessage { .key(.character(character)) }

    /// A state that has seen one snapshot of a pool capped at 50.
    func state(width: Int = 80, height: Int = 24) -> DashboardState {
        var state = DashboardState(width: width, height: height, themes: [.builtin])
        _ = state.update(.snapshot(PoolSnapshot(elapsedNanos: 1_000_000_000, configuration: PoolConfiguration(cap: 50))))
        return state
    }

    // MARK: - Messages

    @Test func sOpensTheOverlayAndStartsASweepAroundTheCap() {
        var state = state()
        #expect(state.update(key("s")) == [.startSweep(SweepRequest(caps: [6, 13, 25, 50, 100, 200]))])
        #expect(state.sweep.isVisible)
        #expect(state.sweep.isRunning)
        #expect(state.sweep.progress?.caps == [6, 13, 25, 50, 100, 200])
        #expect(state.localEvents.last?.message == "sweep started: caps 6, 13, 25, 50, 100, 200 on a copy of the scenario")
    }

    @Test func closingKeepsTheSweepRunningAndReopeningStartsNoOther() {
        var state = state()
        _ = state.update(key("s"))
        #expect(state.update(key("s")) == [])
        #expect(!state.sweep.isVisible)
        #expect(state.sweep.isRunning)
        #expect(state.update(key("s")) == [])
        #expect(state.sweep.isVisible)
        #expect(state.update(.key(.escape)) == [])
        #expect(!state.sweep.isVisible)
    }

    @Test func progressReplacesTheLastProgressWhileASweepRuns() {
        var state = state()
        _ = state.update(.sweepProgressed(Fixtures.sweepProgress()))
        #expect(state.sweep.progress == nil)
        _ = state.update(key("s"))
        _ = state.update(.sweepProgressed(Fixtures.sweepProgress()))
        #expect(state.sweep.progress == Fixtures.sweepProgress())
    }

    @Test func aResultEndsTheSweepAndMarksTheCapInTheHeader() {
        var state = state()
        _ = state.update(key("s"))
        _ = state.update(.sweepFinished(Fixtures.sweepResult()))
        #expect(!state.sweep.isRunning)
        #expect(state.sweep.recommendedCap == 25)
        #expect(state.localEvents.last?.message == "sweep done: cap 25 recommended (s shows why, Enter applies it)")
        #expect(state.frame().line(0).hasPrefix("pooltop  threads  cap 50 rec 25  busy 0/50"))
    }

    @Test func enterOrShiftAAppliesTheRecommendedCap() {
        var state = state()
        _ = state.update(key("s"))
        _ = state.update(.sweepFinished(Fixtures.sweepResult()))
        #expect(state.update(.key(.enter)) == [.command(.resize(to: 25))])
        #expect(state.pendingCap == 25)
        #expect(state.commandEcho == "cap 50 → 25 (sweep)")
        #expect(state.update(key("A")) == [])
        #expect(state.localEvents.last?.message == "cap already at the recommended 25")
        var other = self.state()
        _ = other.update(key("s"))
        _ = other.update(.sweepFinished(Fixtures.sweepResult()))
        #expect(other.update(key("A")) == [.command(.resize(to: 25))])
    }

    @Test func applyingBeforeAResultOrWithTheOverlayClosedDoesNothing() {
        var state = state()
        _ = state.update(key("s"))
        #expect(state.update(.key(.enter)) == [])
        #expect(state.localEvents.last?.message == "no sweep result yet: wait for the sweep to finish")
        _ = state.update(.sweepFinished(Fixtures.sweepResult()))
        _ = state.update(.key(.escape))
        #expect(state.update(.key(.enter)) == [])
        #expect(state.update(key("A")) == [])
        #expect(state.pendingCap == nil)
    }

    @Test func helpAndSweepOverlaysReplaceEachOther() {
        var state = state()
        _ = state.update(key("?"))
        _ = state.update(key("s"))
        #expect(state.sweep.isVisible && !state.isHelpVisible)
        _ = state.update(key("?"))
        #expect(!state.sweep.isVisible && state.isHelpVisible)
    }

    // MARK: - Screens

    @Test func overlayWhileRunning() {
        var state = Fixtures.busyState(width: 80, height: 24)
        _ = state.update(key("s"))
        _ = state.update(.sweepProgressed(Fixtures.sweepProgress()))
        let frame = state.frame()
        assertScreen(frame, named: "sweep-running")
        #expect(frame.lines[3].contains("50% measuring cap 50 (4 of 6) on a copy of the scenario"))
        #expect(frame.line(23).hasPrefix("esc or s closes the sweep · q quits"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func overlayWithAResult(width: Int, height: Int) {
        var state = Fixtures.busyState(width: width, height: height)
        _ = state.update(key("s"))
        _ = state.update(.sweepFinished(Fixtures.sweepResult()))
        let frame = state.frame()
        assertScreen(frame, named: "sweep-result")
        #expect(frame.lines.contains { $0.contains("recommended cap 25 · the pool has 50 · enter applies 25") })
        #expect(frame.lines.contains { $0.contains("[25]") })
        #expect(frame.line(height - 1).hasPrefix("enter or A applies cap 25 · esc or s closes the sweep · q quits"))
    }
}
