import PoolCore
import TerminalUI

/// Where each panel goes on a screen of a given size.
///
/// The views draw into these rectangles and `update` hit-tests mouse clicks against them, so the
/// two always agree. Below 150 columns the panels stand in two columns; from 150 columns in three.
struct DashboardLayout: Sendable, Equatable {
    var header: Rect
    /// Everything between the header and the formulas line (where the help overlay goes).
    var body: Rect
    var slots: Rect
    var queue: Rect
    var throughput: Rect
    var lock: Rect
    var latency: Rect
    var system: Rect
    var events: Rect
    var teaching: Rect
    var footer: Rect

    /// The width from which the panels stand in three columns.
    static let threeColumnWidth = 150

    /// Lays out the dashboard in `screen` with `slots` to show.
    init(screen: Rect, slots slotStates: [SlotState]) {
        let rows = Layout.split(screen, direction: .vertical, constraints: [.length(2), .fill(1), .length(1), .length(1)])
        header = rows[0]
        teaching = rows[2]
        footer = rows[3]
        body = rows[1]
        if screen.width >= DashboardLayout.threeColumnWidth {
            let columns = Layout.split(body, direction: .horizontal, constraints: [.percentage(40), .percentage(30), .fill(1)])
            let first = Layout.split(columns[0], direction: .vertical, constraints: [
                .length(DashboardLayout.slotsHeight(in: columns[0], slots: slotStates, reserving: 8)), .fill(1),
            ])
            slots = first[0]
            throughput = first[1]
            let second = Layout.split(columns[1], direction: .vertical, constraints: [.fill(1), .length(7)])
            queue = second[0]
            lock = second[1]
            let third = Layout.split(columns[2], direction: .vertical, constraints: [.length(7), .length(7), .fill(1)])
            latency = third[0]
            system = third[1]
            events = third[2]
        } else {
            let columns = Layout.split(body, direction: .horizontal, constraints: [.percentage(50), .fill(1)])
            let left = Layout.split(columns[0], direction: .vertical, constraints: [
                .length(DashboardLayout.slotsHeight(in: columns[0], slots: slotStates, reserving: 12)), .fill(1), .length(6),
            ])
            slots = left[0]
            throughput = left[1]
            latency = left[2]
            let systemHeight = body.height >= 30 ? 6 : 4
            let right = Layout.split(columns[1], direction: .vertical, constraints: [
                .fill(3), .length(6), .length(systemHeight), .fill(2),
            ])
            queue = right[0]
            lock = right[1]
            system = right[2]
            events = right[3]
        }
    }

    /// The height of the slots panel in a column: what the slots ask for, at least 8 rows, leaving
    /// `reserving` rows to the panels below it.
    private static func slotsHeight(in column: Rect, slots: [SlotState], reserving: Int) -> Int {
        let wanted = SlotsPanel.preferredHeight(width: column.width, slots: slots)
        let most = max(8, column.height - reserving)
        return min(most, max(8, wanted))
    }
}
