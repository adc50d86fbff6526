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
    /// The adaptive limiter's panel; empty while no limiter is on.
    var limiter = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The lesson panel; empty without a lesson.
    var lesson = Rect(x: 0, y: 0, width: 0, height: 0)

    /// The width from which the panels stand in three columns.
    static let threeColumnWidth = 150

    /// Lays out the dashboard in `screen` with `slots` to show; with a lesson open, the lesson
    /// layout that puts `featured` beside it (see `init(lessonIn:slots:featured:)`).
    init(screen: Rect, slots slotStates: [SlotState], lesson featured: LessonPanel?, modelRow: Bool = false, limiter: Bool = false) {
        guard let featured else {
            self.init(screen: screen, slots: slotStates, modelRow: modelRow, limiter: limiter)
            return
        }
        self.init(lessonIn: screen, slots: slotStates, featured: featured)
    }

    /// The lesson layout, which fits 80×24: the slots and the queue on the left; the lesson, the
    /// panel its step looks at (throughput when the step looks at the slots, the queue or a line)
    /// and, on a tall screen, the events on the right. The panels left out get empty rectangles.
    init(lessonIn screen: Rect, slots slotStates: [SlotState], featured: LessonPanel) {
        let rows = Layout.split(screen, direction: .vertical, constraints: [.length(2), .fill(1), .length(1), .length(1)])
        header = rows[0]
        body = rows[1]
        teaching = rows[2]
        footer = rows[3]
        let none = Rect(x: 0, y: 0, width: 0, height: 0)
        (slots, queue, throughput, lock, latency, system, events) = (none, none, none, none, none, none, none)
        let columns = Layout.split(body, direction: .horizontal, constraints: [.percentage(50), .fill(1)])
        let left = Layout.split(columns[0], direction: .vertical, constraints: [
            .length(DashboardLayout.slotsHeight(in: columns[0], slots: slotStates, reserving: 7)), .fill(1),
        ])
        slots = left[0]
        queue = left[1]
        let eventsHeight = body.height >= 34 ? 8 : 0
        let lessonHeight = min(16, max(11, (body.height - eventsHeight) / 2 + 1))
        let right = Layout.split(columns[1], direction: .vertical, constraints: [.length(lessonHeight), .fill(1), .length(eventsHeight)])
        lesson = right[0]
        switch featured {
        case .lock: lock = right[1]
        case .latency: latency = right[1]
        case .system: system = right[1]
        case .events: events = right[1]
        case .throughput, .slots, .queue, .header, .formulas: throughput = right[1]
        }
        if eventsHeight > 0, featured != .events { events = right[2] }
    }

    /// The rectangle `panel` is drawn in (a line for the header and the formulas).
    func area(of panel: LessonPanel) -> Rect {
        switch panel {
        case .header: return header
        case .slots: return slots
        case .queue: return queue
        case .throughput: return throughput
        case .lock: return lock
        case .latency: return latency
        case .system: return system
        case .events: return events
        case .formulas: return teaching
        }
    }

    /// Lays out the dashboard in `screen` with `slots` to show; with `modelRow`, the latency panel
    /// gets a row more for the queueing model's prediction; with `limiter`, the limiter's panel
    /// stands above the queue (and takes the events' rows on a screen under 30 rows of panels).
    init(screen: Rect, slots slotStates: [SlotState], modelRow: Bool = false, limiter: Bool = false) {
        let extra = modelRow ? 1 : 0
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
            let second = Layout.split(columns[1], direction: .vertical, constraints: [.fill(limiter ? 1 : 0), .fill(1), .length(7)])
            self.limiter = limiter ? second[0] : Rect(x: 0, y: 0, width: 0, height: 0)
            queue = second[1]
            lock = second[2]
            let third = Layout.split(columns[2], direction: .vertical, constraints: [.length(7 + extra), .length(7), .fill(1)])
            latency = third[0]
            system = third[1]
            events = third[2]
        } else {
            let columns = Layout.split(body, direction: .horizontal, constraints: [.percentage(50), .fill(1)])
            let left = Layout.split(columns[0], direction: .vertical, constraints: [
                .length(DashboardLayout.slotsHeight(in: columns[0], slots: slotStates, reserving: 12)), .fill(1), .length(6 + extra),
            ])
            slots = left[0]
            throughput = left[1]
            latency = left[2]
            let systemHeight = body.height >= 30 ? 6 : 4
            let eventsWeight = limiter && body.height < 30 ? 0 : 2
            let right = Layout.split(columns[1], direction: .vertical, constraints: [
                .fill(limiter ? 3 : 0), .fill(limiter ? 2 : 3), .length(6), .length(systemHeight), .fill(eventsWeight),
            ])
            self.limiter = limiter ? right[0] : Rect(x: 0, y: 0, width: 0, height: 0)
            queue = right[1]
            lock = right[2]
            system = right[3]
            events = right[4]
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
