@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// Whole screens against golden files in `__Snapshots__` (rewrite with `SNAPSHOT_RECORD=1`).
@Suite struct ScreenGoldenTests {
    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func dashboard(width: Int, height: Int) {
        let state = Fixtures.busyState(width: width, height: height)
        assertScreen(state.frame(), named: "dashboard")
    }

    @Test("every cell is painted with the theme's background when it sets one (no cell falls back to the terminal's)",
          arguments: [(80, 24), (120, 40), (200, 50)])
    func themeBackgroundEverywhere(width: Int, height: Int) {
        for overlay in ["", "?", "s"] {
            var state = Fixtures.busyState(width: width, height: height)
            if let key = overlay.first { _ = state.update(.key(.character(key))) }
            let buffer = state.frame()
            let bare = buffer.cells.indices.filter { buffer.cells[$0].style.background == .default }
                .map { "(\($0 % width),\($0 / width))" }
            #expect(bare.isEmpty, "overlay '\(overlay)': \(bare.count) cells on the terminal's background, first \(bare.prefix(8))")
        }
    }

    @Test("frame(), made in the background at once, is the view painted on a blank buffer, cell for cell",
          arguments: [(80, 24), (200, 50), (30, 10)])
    func frameEqualsTheViewOnABlankBuffer(width: Int, height: Int) {
        for overlay in ["", "?"] {
            var state = Fixtures.busyState(width: width, height: height)
            if let key = overlay.first { _ = state.update(.key(.character(key))) }
            var painted = CellBuffer(width: width, height: height)
            DashboardView(state: state).render(in: painted.bounds, buffer: &painted)
            #expect(state.frame() == painted, "overlay '\(overlay)' at \(width)×\(height)")
        }
    }

    @Test func monochromeDashboard() {
        let state = Fixtures.busyState(width: 80, height: 24, themes: [.monochrome])
        let buffer = state.frame()
        assertScreen(buffer, named: "dashboard-monochrome")
        #expect(buffer.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        // Without color, each slot state still has its own glyph on screen.
        let slotRows = buffer.lines[3...5].joined()
        for glyph in ["█", "◌", "◆", "◐", "·", "↑", "↓", "✗"] {
            #expect(slotRows.contains(glyph))
        }
    }

    static let lesson = Lesson(name: "gil", title: "Processes suit CPU work", steps: [
        LessonStep(say: "Four threads run CPU-bound tasks of 4 ms, and the GIL emulation is on: like CPython, one thread computes at a time, however many cores there are.",
                   look: .throughput, check: LessonCheck(figure: .throughput, condition: .above(50))),
        LessonStep(say: "Press g to turn the GIL off.", key: .character("g"), keyName: "g", look: .lock,
                   check: LessonCheck(figure: .throughput, condition: .rises(0.3))),
    ])

    @Test("the lesson panel is readable at 80×24 beside the slots, the queue and the graph its step looks at",
          arguments: [(80, 24), (120, 40)])
    func lessonPanel(width: Int, height: Int) {
        var state = Fixtures.busyState(width: width, height: height, lesson: Self.lesson)
        assertScreen(state.frame(), named: "lesson")
        _ = state.update(.key(.character("n")))
        let next = state.frame()
        #expect(next.lines.joined().contains("press g"))
        #expect(next.lines.joined().contains("╭─ lock"), "the step looks at the lock panel: it is shown")
        let bare = next.cells.filter { $0.style.background == .default }
        #expect(bare.isEmpty, "\(bare.count) cells on the terminal's background")
    }

    @Test("L lists the lessons over the dashboard; Enter opens the chosen one")
    func lessonList() {
        var state = Fixtures.busyState(width: 80, height: 24, lesson: Self.lesson)
        _ = state.update(.key(.character("L")))
        #expect(state.frame().lines.joined().contains("▶ gil  Processes suit CPU work · 2 steps"))
        #expect(state.update(.key(.enter)) == [.openLesson(Self.lesson)])
        #expect(state.lessonListSelection == nil)
    }

    @Test func helpOverlay() {
        var state = Fixtures.busyState(width: 80, height: 24)
        _ = state.update(.key(.character("?")))
        assertScreen(state.frame(), named: "help")
    }

    @Test func helpOverlayWithRoomForLongerExplanations() {
        var state = Fixtures.busyState(width: 120, height: 40)
        _ = state.update(.key(.character("?")))
        assertScreen(state.frame(), named: "help")
    }

    @Test func pausedBanner() {
        var state = Fixtures.busyState(width: 80, height: 24)
        _ = state.update(.key(.character(" ")))
        _ = state.update(.snapshot(Fixtures.busySnapshot(elapsedNanos: 6_500_000_000)))
        assertScreen(state.frame(), named: "paused")
    }

    @Test func selectedSlotAndPendingCap() {
        var state = Fixtures.busyState(width: 80, height: 24)
        _ = state.update(.snapshot(Fixtures.busySnapshot(elapsedNanos: 7_000_000_000)))
        _ = state.update(.mouse(column: 1, row: 4, button: 1))
        _ = state.update(.key(.character("+")))
        _ = state.update(.key(.character("+")))
        assertScreen(state.frame(), named: "selected-slot")
    }

    @Test(arguments: [(60, 15), (0, 0)])
    func tooSmall(width: Int, height: Int) {
        let state = Fixtures.busyState(width: width, height: height)
        assertScreen(state.frame(), named: "too-small")
    }
}
