@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// `update` for what changes the screen only: pause, help, themes, mouse, resize, ticks.
@Suite struct UpdateScreenTests {
    func snapshot(cap: Int, at seconds: UInt64) -> PoolSnapshot {
        PoolSnapshot(elapsedNanos: seconds * 1_000_000_000, configuration: PoolConfiguration(cap: cap))
    }

    @Test func spaceFreezesTheScreenWhileSnapshotsKeepArriving() {
        var state = DashboardState(width: 80, height: 24)
        _ = state.update(.snapshot(snapshot(cap: 50, at: 1)))
        #expect(state.update(.key(.character(" "))) == [])
        #expect(state.isPaused)
        _ = state.update(.snapshot(snapshot(cap: 60, at: 2)))
        _ = state.update(.snapshot(snapshot(cap: 70, at: 3)))
        #expect(state.displayed.snapshot.configuration.cap == 50)
        #expect(state.displayed.history.queueDepth.count == 1)
        #expect(state.live.snapshot.configuration.cap == 70)
        #expect(state.snapshotsWhilePaused == 2)
        _ = state.update(.key(.character(" ")))
        #expect(!state.isPaused)
        #expect(state.displayed.snapshot.configuration.cap == 70)
        #expect(state.displayed.history.queueDepth.count == 3)
        #expect(state.localEvents.map(\.message) == [
            "screen paused; the pool keeps running", "screen resumed (2 samples while paused)",
        ])
    }

    @Test func keysWhilePausedStillStartFromTheLiveCap() {
        var state = DashboardState(width: 80, height: 24)
        _ = state.update(.snapshot(snapshot(cap: 50, at: 1)))
        _ = state.update(.key(.character(" ")))
        _ = state.update(.snapshot(snapshot(cap: 60, at: 2)))
        #expect(state.update(.key(.character("+"))) == [.command(.resize(to: 61))])
    }

    @Test func questionMarkTogglesTheHelpAndEscapeClosesIt() {
        var state = DashboardState(width: 80, height: 24)
        #expect(state.update(.key(.character("?"))) == [])
        #expect(state.isHelpVisible)
        #expect(state.update(.key(.character("?"))) == [])
        #expect(!state.isHelpVisible)
        _ = state.update(.key(.character("?")))
        #expect(state.update(.key(.escape)) == [])
        #expect(!state.isHelpVisible)
        _ = state.update(.key(.escape))
        #expect(!state.isHelpVisible)
    }

    @Test func tCyclesThroughTheThemesAndNotesEachOne() {
        var dark = Theme.builtin
        dark.name = "dark"
        var state = DashboardState(width: 80, height: 24, themes: [dark, .monochrome])
        #expect(state.currentTheme.name == "dark")
        #expect(state.update(.key(.character("t"))) == [])
        #expect(state.currentTheme.name == "monochrome")
        #expect(state.themeIndex == 1)
        _ = state.update(.key(.character("t")))
        #expect(state.currentTheme.name == "dark")
        #expect(state.localEvents.map(\.message) == ["theme monochrome", "theme dark"])
    }

    @Test func noThemesMeansTheBuiltInOne() {
        let state = DashboardState(width: 80, height: 24, themes: [], themeIndex: 5)
        #expect(state.themes == [.builtin])
        #expect(state.themeIndex == 0)
    }

    @Test func aLeftClickOnASlotSelectsItAndAClickElsewhereClearsIt() {
        // At 80×24 the slots panel is at (0, 2), 40 wide: its slots start at (1, 3), one every
        // second column, 19 to a row.
        var state = Fixtures.busyState(width: 80, height: 24)
        _ = state.update(.mouse(column: 1, row: 3, button: 1))
        #expect(state.selectedSlot == 0)
        _ = state.update(.mouse(column: 5, row: 4, button: 1))
        #expect(state.selectedSlot == 21)
        _ = state.update(.mouse(column: 21, row: 5, button: 1))
        #expect(state.selectedSlot == 48)
        _ = state.update(.mouse(column: 3, row: 3, button: 3))
        #expect(state.selectedSlot == 48)
        _ = state.update(.mouse(column: 2, row: 3, button: 1))
        #expect(state.selectedSlot == nil)
        _ = state.update(.mouse(column: 1, row: 3, button: 1))
        _ = state.update(.mouse(column: 60, row: 10, button: 1))
        #expect(state.selectedSlot == nil)
    }

    @Test func aClickPastTheLastSlotSelectsNothing() {
        var state = Fixtures.busyState(width: 80, height: 24)
        _ = state.update(.mouse(column: 25, row: 5, button: 1))
        #expect(state.selectedSlot == nil)
        _ = state.update(.mouse(column: 23, row: 5, button: 1))
        #expect(state.selectedSlot == 49)
    }

    @Test func resizeChangesTheSizeAndTheFitCheck() {
        var state = DashboardState(width: 80, height: 24)
        #expect(state.fitsMinimumSize)
        #expect(state.update(.resize(width: 60, height: 15)) == [])
        #expect(state.width == 60 && state.height == 15)
        #expect(!state.fitsMinimumSize)
        _ = state.update(.resize(width: -3, height: 0))
        #expect(state.width == 0 && state.height == 0)
    }

    @Test func theCommandEchoFadesThreeSecondsAfterTheKey() {
        var state = DashboardState(width: 80, height: 24)
        _ = state.update(.tick(nanos: 10_000_000_000))
        _ = state.update(.key(.character("b")))
        #expect(state.commandEcho == "b: burst fired")
        _ = state.update(.tick(nanos: 12_900_000_000))
        #expect(state.commandEcho == "b: burst fired")
        _ = state.update(.tick(nanos: 13_000_000_000))
        #expect(state.commandEcho == nil)
    }

    @Test func anEchoBeforeTheFirstTickStartsAgingAtThatTick() {
        var state = DashboardState(width: 80, height: 24)
        _ = state.update(.key(.character("r")))
        _ = state.update(.tick(nanos: 50_000_000_000))
        #expect(state.commandEcho == "r: statistics reset")
        _ = state.update(.tick(nanos: 53_000_000_000))
        #expect(state.commandEcho == nil)
    }

    @Test func eventsMergeTheEnginesAndTheDashboardsByTime() {
        var state = DashboardState(width: 80, height: 24)
        var first = snapshot(cap: 50, at: 2)
        first.events = [PoolEvent(elapsedNanos: 1_000_000_000, kind: .burstFired, message: "burst 1")]
        _ = state.update(.snapshot(first))
        _ = state.update(.key(.character("k")))
        var second = snapshot(cap: 50, at: 3)
        second.events = first.events + [PoolEvent(elapsedNanos: 2_500_000_000, kind: .workerCrashed, message: "worker 3 crashed")]
        _ = state.update(.snapshot(second))
        #expect(state.events(limit: 10).map(\.message) == ["burst 1", "k needs processes mode (m switches mode)", "worker 3 crashed"])
        #expect(state.events(limit: 2).map(\.message) == ["k needs processes mode (m switches mode)", "worker 3 crashed"])
        #expect(state.events(limit: 10).last?.severity == .error)
        #expect(state.events(limit: 0).isEmpty)
    }

    @Test func aSlotKnowsHowLongItHasBeenDoingWhatItDoes() {
        var state = DashboardState(width: 80, height: 24)
        func frame(_ seconds: UInt64, _ phase: SlotPhase, request: Int) -> DashboardMessage {
            .snapshot(PoolSnapshot(elapsedNanos: seconds * 1_000_000_000, slots: [SlotState(phase: phase, requestID: request)]))
        }
        _ = state.update(frame(1, .idle, request: 0))
        _ = state.update(frame(2, .busy, request: 7))
        _ = state.update(frame(5, .busy, request: 7))
        #expect(state.live.duration(ofSlot: 0) == 3_000_000_000)
        _ = state.update(frame(6, .busy, request: 8))
        #expect(state.live.duration(ofSlot: 0) == 0)
        #expect(state.live.duration(ofSlot: 1) == nil)
    }

    @Test func terminalEventsBecomeMessages() {
        #expect(DashboardMessage(InputEvent.key(.character("b"))) == .key(.character("b")))
        #expect(DashboardMessage(InputEvent.mouse(column: 3, row: 4, button: 1)) == .mouse(column: 3, row: 4, button: 1))
        #expect(DashboardMessage(InputEvent.resize(width: 100, height: 30)) == .resize(width: 100, height: 30))
    }
}

@Suite("Recording on the screen")
struct RecordingScreenTests {
    @Test("R asks to record; the header shows ● REC with its time; a failure says why and the marker goes")
    func recordingMarker() {
        var state = DashboardState(width: 120, height: 40)
        _ = state.update(.snapshot(PoolSnapshot(elapsedNanos: 1_000_000_000)))
        _ = state.update(.tick(nanos: 10_000_000_000))
        #expect(state.update(.key(.character("R"))) == [.toggleRecording])
        _ = state.update(.recordingStarted(name: "demo.rec"))
        _ = state.update(.tick(nanos: 22_400_000_000))
        var screen = state.frame().plainText
        #expect(screen.split(separator: "\n")[0].hasSuffix("● REC 0:12.4"))
        #expect(screen.contains("recording to demo.rec"))
        _ = state.update(.recordingStopped(failure: "demo.rec: cannot write: No space left on device"))
        screen = state.frame().plainText
        #expect(!screen.contains("● REC"))
        #expect(screen.contains("recording stopped: demo.rec: cannot write"))
    }

    @Test("recording from the start (--record, before any tick): the time counts from the first tick")
    func recordingBeforeTheFirstTick() {
        var state = DashboardState(width: 120, height: 40)
        _ = state.update(.recordingStarted(name: "demo.rec"))
        _ = state.update(.tick(nanos: 4_000_000_000_000))
        #expect(state.frame().plainText.split(separator: "\n")[0].hasSuffix("● REC 0:00.0"))
        _ = state.update(.tick(nanos: 4_002_500_000_000))
        #expect(state.frame().plainText.split(separator: "\n")[0].hasSuffix("● REC 0:02.5"))
    }
}
