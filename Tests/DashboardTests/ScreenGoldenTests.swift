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
