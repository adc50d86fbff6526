import TerminalUI

/// The dashboard's keys, one row an entry: the one table that key dispatch, the footer, the help
/// overlay and the dashboard command's `--help` text all read, so a new key is one new row.
public struct KeyBindings: Sendable {
    /// The rows, in the order the footer, the help and the command line list them.
    public let rows: [KeyBinding]

    /// The keys of DESIGN.md §3.
    public static let standard = KeyBindings(rows: [
        KeyBinding("b", footer: "burst", compact: ("b", "urst"), help: "fire a burst", needs: [.fireBurst],
                   actions: [.character("b"): { $0.fireBurst() }]),
        KeyBinding("a", footer: "arrivals", compact: ("a", "uto"), help: "arrivals on/off", needs: [.setArrivalsEnabled],
                   actions: [.character("a"): { $0.toggleArrivals() }]),
        KeyBinding("+ -", footer: "cap", compact: ("+-[]", "cap"), help: "cap ±1", needs: [.resize],
                   actions: [.character("+"): { $0.changeCap(by: 1) }, .character("="): { $0.changeCap(by: 1) },
                             .character("-"): { $0.changeCap(by: -1) }]),
        KeyBinding("] [", footer: "cap±10", help: "cap ±10", needs: [.resize],
                   actions: [.character("]"): { $0.changeCap(by: 10) }, .character("["): { $0.changeCap(by: -10) }]),
        KeyBinding("m", footer: "mode", compact: ("m", "ode"), help: "next mode", needs: [.switchMode],
                   actions: [.character("m"): { $0.cycleMode() }]),
        KeyBinding("w", footer: "work", compact: ("w", "ork"), help: "next work kind", needs: [.setWorkKind],
                   actions: [.character("w"): { $0.cycleWorkKind() }]),
        KeyBinding("l", footer: "lock", compact: ("l", "ock"), help: "lock on/off", needs: [.setLockEnabled],
                   actions: [.character("l"): { $0.toggleLock() }]),
        KeyBinding("C c", help: "lock hold ×2 / ÷2", commandLine: "critical section ×2 / ÷2", needs: [.setCriticalSection],
                   actions: [.character("C"): { $0.scaleCriticalSection(up: true) }, .character("c"): { $0.scaleCriticalSection(up: false) }]),
        KeyBinding("x", help: "full-queue policy", commandLine: "next policy for a full bounded queue", needs: [.setRejectPolicy],
                   actions: [.character("x"): { $0.cycleRejectPolicy() }]),
        KeyBinding("d", help: "adaptive cap", commandLine: "next adaptive limiter for a dynamic cap (fixed, aimd, vegas, gradient2)",
                   needs: [.setLimiter], actions: [.character("d"): { $0.cycleLimiter() }]),
        KeyBinding("g", footer: "GIL", compact: ("g", "il"), help: "GIL emulation", needs: [.setInterpreterLockEnabled],
                   actions: [.character("g"): { $0.toggleInterpreterLock() }]),
        KeyBinding("k", footer: "kill", compact: ("k", "ill"), help: "kill a worker", needs: [.killWorker],
                   actions: [.character("k"): { $0.killWorker() }]),
        KeyBinding("< >", footer: "slow/fast", compact: ("<>", ""), help: "slower / faster", context: .live, needs: [.setTimeScale],
                   actions: [.character("<"): { $0.scaleTime(by: 2) }, .character(">"): { $0.scaleTime(by: 0.5) }]),
        KeyBinding("space", footer: "pause", compact: ("␣", "pause"), help: "pause the screen", context: .live,
                   actions: [.character(" "): { $0.togglePause(); return [] }]),
        KeyBinding("r", footer: "reset", compact: ("r", "eset"), help: "reset statistics", needs: [.resetStatistics],
                   actions: [.character("r"): { $0.resetStatistics() }]),
        KeyBinding("t", footer: "theme", compact: ("t", "heme"), help: "next theme",
                   places: [.helpOverlay, .replayFooter, .commandLine],
                   actions: [.character("t"): { $0.cycleTheme(); return [] }]),
        KeyBinding("s", footer: "sweep", compact: ("s", "weep"), help: "pool-size sweep",
                   places: [.helpOverlay, .sweepFooter, .commandLine], needsEngine: true,
                   actions: [.character("s"): { $0.toggleSweep() }]),
        KeyBinding("R", footer: "rec", compact: ("R", ""), help: "record on/off",
                   actions: [.character("R"): { $0.toggleRecording() }]),
        KeyBinding("L", help: "guided lessons", context: .live, needsEngine: true,
                   actions: [.character("L"): { $0.toggleLessonList() }]),
        KeyBinding("?", footer: "help", compact: ("?", ""), help: "this help", commandLine: "help overlay",
                   places: [.helpOverlay, .helpFooter, .replayFooter, .commandLine],
                   actions: [.character("?"): { $0.toggleHelp() }]),
        KeyBinding("q", footer: "quit", compact: ("q", "uit"), help: "quit (Ctrl-C too)",
                   places: [.helpOverlay, .helpFooter, .sweepFooter, .replayFooter, .commandLine],
                   actions: [.character("q"): { _ in [.quit] }, .control("c"): { _ in [.quit] }]),
        KeyBinding("space", footer: "play/pause", help: "play / pause", places: [.helpOverlay, .replayFooter, .commandLine], context: .replay,
                   actions: [.character(" "): { _ in [.playback(.togglePlaying)] }]),
        KeyBinding("← →", footer: "step", help: "step one sample", places: [.helpOverlay, .replayFooter, .commandLine], context: .replay,
                   actions: [.left: { _ in [.playback(.step(-1))] }, .right: { _ in [.playback(.step(1))] }]),
        KeyBinding(", .", footer: "±10 s", help: "10 s back / on", places: [.helpOverlay, .replayFooter, .commandLine], context: .replay,
                   actions: [.character(","): { _ in [.playback(.skip(nanos: -10_000_000_000))] },
                             .character("."): { _ in [.playback(.skip(nanos: 10_000_000_000))] }]),
        KeyBinding("< >", footer: "speed", help: "speed ½× / 2×", places: [.helpOverlay, .replayFooter, .commandLine], context: .replay,
                   actions: [.character("<"): { _ in [.playback(.changeSpeed(by: 0.5))] },
                             .character(">"): { _ in [.playback(.changeSpeed(by: 2))] }]),
        KeyBinding("home", footer: "start", help: "to the start", places: [.helpOverlay, .replayFooter, .commandLine], context: .replay,
                   actions: [.home: { _ in [.playback(.toStart)] }]),
        KeyBinding("end", footer: "last", help: "to the end", places: [.helpOverlay, .replayFooter, .commandLine], context: .replay,
                   actions: [.end: { _ in [.playback(.toEnd)] }]),
        KeyBinding("tab", footer: "pool", compact: ("tab", " pool"), help: "next pool", places: [.helpOverlay, .commandLine],
                   context: .attached,
                   actions: [.tab: { _ in [.nextPool] }]),
        KeyBinding("click", help: "slot details"),
        KeyBinding("esc", help: "close the overlay", places: [.helpFooter, .sweepFooter, .commandLine],
                   actions: [.escape: { $0.closeOverlay() }]),
        KeyBinding("enter A", help: "apply the recommended cap", places: [.sweepFooter, .commandLine], context: .sweepOverlay,
                   actions: [.enter: { $0.applyRecommendedCap() }, .character("A"): { $0.applyRecommendedCap() }]),
        KeyBinding("↑ ↓", help: "choose a lesson", places: [.commandLine], context: .lessonList,
                   actions: [.up: { $0.moveLessonSelection(by: -1) }, .down: { $0.moveLessonSelection(by: 1) }]),
        KeyBinding("enter", help: "open the chosen lesson", places: [.commandLine], context: .lessonList,
                   actions: [.enter: { $0.openSelectedLesson() }]),
        KeyBinding("n enter", footer: "next step", compact: ("n", "ext"), help: "next lesson step", places: [.commandLine],
                   context: .lesson, actions: [.character("n"): { $0.moveLesson(forward: true) }, .enter: { $0.moveLesson(forward: true) }]),
        KeyBinding("p", footer: "back", compact: ("p", "rev"), help: "previous lesson step", places: [.commandLine],
                   context: .lesson, actions: [.character("p"): { $0.moveLesson(forward: false) }]),
    ])

    /// The keys for the dashboard command's `--help`: "Keys: b fire a burst, a arrivals on/off, …".
    public var commandLineSummary: String {
        "Keys: " + rows(in: .commandLine).map(\.commandLineText).joined(separator: ", ") + "."
    }

    /// The replay's keys for `pooltop replay --help`: "Keys: space play / pause, ←/→ step one sample, …".
    public var replayCommandLineSummary: String {
        "Keys: " + rows.filter { $0.context == .replay }.map { $0.label.split(separator: " ").joined(separator: "/") + " " + $0.help }
            .joined(separator: ", ")
            + "; a click on the progress bar seeks."
    }

    /// The rows in the footer's key list, whatever the source.
    var footerRows: [KeyBinding] {
        rows.filter { $0.footer != nil && ![.replay, .attached, .lesson, .lessonList].contains($0.context) }
    }

    /// The rows in the footer's key list in `state`: those whose keys act there and whose
    /// commands its source accepts.
    func footerRows(in state: DashboardState) -> [KeyBinding] {
        let listed = rows.filter { row in
            row.footer != nil && row.context != .replay && row.isActive(in: state) && row.needs.isSubset(of: state.acceptedCommands)
                && (!row.needsEngine || state.live.snapshot.sourceTitle == nil)
        }
        // In a lesson its own keys come first.
        return listed.filter { $0.context == .lesson } + listed.filter { $0.context != .lesson }
    }

    /// The rows the footer lists while a recording is replayed.
    var replayFooterRows: [KeyBinding] {
        let listed = rows(in: .replayFooter)
        return listed.filter { $0.context == .replay } + listed.filter { $0.context != .replay }
    }

    /// The rows listed in `place`.
    func rows(in place: KeyBinding.Places) -> [KeyBinding] {
        rows.filter { $0.places.contains(place) }
    }

    /// What `key` does in `state`, or nil when it does nothing there.
    func action(for key: Key, in state: DashboardState) -> KeyBinding.Action? {
        for row in rows where row.isActive(in: state) {
            if let action = row.actions[key] { return action }
        }
        return nil
    }
}
