@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// The key table against every place that lists keys: the footer, the help overlay, the
/// overlays' footers and the command line, so none of them can drift from what the keys do.
@Suite struct KeyBindingsTests {
    let styles = DashboardStyles(theme: .monochrome)
    let table = KeyBindings.standard

    func footer(width: Int, help: Bool = false, sweep: Bool = false) -> String {
        FooterView(isPaused: false, isHelpVisible: help, snapshotsWhilePaused: 0, commandEcho: nil,
                   isSweepVisible: sweep, sweepRecommendedCap: sweep ? 12 : nil, styles: styles)
            .rendered(width: width).lines[0]
    }

    /// The words of a row's label: `enter A` is the keys `enter` and `A`.
    func keyWords(_ row: KeyBinding) -> [String] { row.label.split(separator: " ").map(String.init) }

    @Test func theFooterListsEveryFooterRowAtFullLength() {
        let line = footer(width: 200)
        for row in table.footerRows {
            #expect(line.contains(row.label + " " + (row.footer ?? "")), "\(row.label) missing from \(line)")
        }
    }

    @Test func aWatchedProgramsFooterListsOnlyTheKeysItsSourceTakesAndWhereTheOutputGoes() {
        var state = DashboardState(width: 120, height: 40, acceptedCommands: [.resize, .killWorker, .resetStatistics],
                                   footerNote: "output: /tmp/out.txt")
        _ = state.update(.snapshot(PoolSnapshot(sourceTitle: "ThreadPoolExecutor-1:1, 8 workers")))
        let footer = state.frame().lines[39]
        #expect(footer.hasPrefix("+ - cap  ] [ cap±10  k kill  space pause  r reset  t theme  R rec  ? help  q quit  tab pool"))
        #expect(footer.hasSuffix("output: /tmp/out.txt"))
        for word in ["burst", "mode", "work", "lock", "GIL", "sweep", "slow/fast"] { #expect(!footer.contains(word)) }
        // A longer note still shows: the keys take their compact form to make room.
        var long = DashboardState(width: 120, height: 40, acceptedCommands: [.resize, .killWorker, .resetStatistics],
                                  footerNote: "output: /tmp/pooltop-watch-20768.out")
        _ = long.update(.snapshot(PoolSnapshot(sourceTitle: "ProcessPoolExecutor-1:1, 2 workers")))
        let compact = long.frame().lines[39]
        #expect(compact.hasSuffix("output: /tmp/pooltop-watch-20768.out"), "\(compact)")
        #expect(compact.hasPrefix("+-[]cap"), "\(compact)")
    }

    @Test func theCompactFooterListsEveryFooterRowsKeys() {
        let line = footer(width: 80)
        let rows = table.footerRows
        for row in rows {
            if let compact = row.compact { #expect(line.contains(compact.key + compact.rest), "\(row.label) missing from \(line)") }
        }
        // A row without a compact form folds into the one before it, which names its keys too.
        for (previous, row) in zip(rows, rows.dropFirst()) where row.compact == nil {
            let folded = previous.compact?.key ?? ""
            for key in keyWords(row) { #expect(folded.contains(key), "\(row.label) not covered by \(folded)") }
        }
        #expect(rows.first?.compact != nil)
    }

    @Test(arguments: [false, true])
    func theHelpOverlayListsEveryHelpRow(replay: Bool) {
        for (width, height) in [(80, 24), (120, 40)] {
            var buffer = CellBuffer(width: width, height: height)
            HelpOverlay(styles: styles, isReplay: replay).render(in: Rect(x: 0, y: 0, width: width, height: height), buffer: &buffer)
            let screen = buffer.lines.joined(separator: "\n")
            let rows = table.rows(in: .helpOverlay).filter {
                $0.context != (replay ? .live : .replay) && $0.context != .attached && !(replay && $0.context == .lesson)
            }
            #expect(rows.count == HelpOverlay.keys(replay: replay).count)
            for row in rows {
                #expect(screen.contains(NumberText.padRight(row.label, to: 6) + row.help), "\(row.label) missing from the help at \(width)×\(height)")
            }
        }
    }

    @Test func theOverlaysFootersNameTheirKeys() {
        let help = footer(width: 80, help: true), sweep = footer(width: 80, sweep: true)
        for row in table.rows(in: .helpFooter) {
            for key in keyWords(row) { #expect(help.contains(key), "\(key) missing from \(help)") }
        }
        for row in table.rows(in: .sweepFooter) {
            for key in keyWords(row) { #expect(sweep.contains(key), "\(key) missing from \(sweep)") }
        }
    }

    @Test func theReplaySummaryListsTheReplaysKeys() {
        let summary = table.replayCommandLineSummary
        #expect(summary.hasPrefix("Keys: space play / pause, ←/→ step one sample, ,/. 10 s back / on, "))
        for row in table.rows where row.context == .replay { #expect(summary.contains(row.help)) }
        #expect(!summary.contains("burst"))
    }

    @Test func theCommandLineSummaryListsEveryRow() {
        let summary = table.commandLineSummary
        #expect(summary.hasPrefix("Keys: b fire a burst, a arrivals on/off, +/- cap ±1, ]/[ cap ±10, "))
        for row in table.rows {
            #expect(row.places.contains(.commandLine), "\(row.label) is not on the command line")
            #expect(summary.contains(row.commandLineText), "\(row.label) missing from \(summary)")
        }
        #expect(summary.contains("s pool-size sweep"))
        #expect(summary.contains("enter/A apply the recommended cap (sweep overlay)"))
    }

    /// A state whose snapshot comes from a replay, so the replay's rows are the active ones.
    private var replayState: DashboardState {
        var state = DashboardState(width: 80, height: 24)
        _ = state.update(.snapshot(PoolSnapshot(playback: PlaybackStatus(name: "a.rec", positionNanos: 0, durationNanos: 1, speed: 1, isPlaying: false))))
        return state
    }

    /// A state whose snapshot comes from a watched program.
    private var attachedState: DashboardState {
        var state = DashboardState(width: 80, height: 24)
        _ = state.update(.snapshot(PoolSnapshot(sourceTitle: "ThreadPoolExecutor-1:1, 8 workers")))
        return state
    }

    @Test func everyRowIsListedSomewhereAndEveryKeyActs() {
        var live = DashboardState(width: 80, height: 24)
        _ = live.update(.key(.character("s")))  // the sweep overlay shows: its keys are active too.
        var replay = replayState
        _ = replay.update(.key(.character("s")))
        let lesson = Lesson(name: "l", title: "L", steps: [LessonStep(say: "watch")])
        let inLesson = DashboardState(width: 80, height: 24, lessons: [lesson], lesson: lesson)
        var listing = inLesson
        _ = listing.update(.key(.character("L")))
        for row in table.rows {
            // The lesson list names its own keys in its title.
            #expect(row.footer != nil || !row.places.subtracting(.commandLine).isEmpty || row.context == .lessonList,
                    "\(row.label) is listed nowhere on screen")
            let state = row.context == .replay ? replay : row.context == .attached ? attachedState
                : row.context == .lesson ? inLesson : row.context == .lessonList ? listing : live
            for key in row.keys {
                #expect(table.action(for: key, in: state) != nil, "\(key) does nothing")
            }
        }
    }

    @Test func noKeyIsBoundTwiceWhereItActs() {
        for (name, state) in [("live", DashboardState(width: 80, height: 24)), ("replay", replayState)] {
            var seen: Set<Key> = []
            for row in table.rows where row.context == .always || row.context == .sweepOverlay || row.isActive(in: state) {
                for key in row.keys { #expect(seen.insert(key).inserted, "\(key) is bound twice in a \(name) state") }
            }
        }
    }
}
