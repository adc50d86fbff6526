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

    @Test func theHelpOverlayListsEveryHelpRow() {
        var buffer = CellBuffer(width: 120, height: 40)
        HelpOverlay(styles: styles).render(in: Rect(x: 0, y: 0, width: 120, height: 40), buffer: &buffer)
        let screen = buffer.lines.joined(separator: "\n")
        let rows = table.rows(in: .helpOverlay)
        #expect(rows.count == HelpOverlay.keys.count)
        for row in rows {
            #expect(screen.contains(NumberText.padRight(row.label, to: 6) + row.help), "\(row.label) missing from the help")
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

    @Test func everyRowIsListedSomewhereAndEveryKeyActs() {
        var state = DashboardState(width: 80, height: 24)
        _ = state.update(.key(.character("s")))  // the sweep overlay shows: every context is active.
        for row in table.rows {
            #expect(row.footer != nil || !row.places.subtracting(.commandLine).isEmpty, "\(row.label) is listed nowhere on screen")
            for key in row.keys {
                #expect(table.action(for: key, in: state) != nil, "\(key) does nothing")
            }
        }
    }

    @Test func noKeyIsBoundTwice() {
        var seen: Set<Key> = []
        for key in table.rows.flatMap(\.keys) {
            #expect(seen.insert(key).inserted, "\(key) is bound twice")
        }
    }
}
