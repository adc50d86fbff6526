import PoolCore
import TerminalUI

/// Everything the dashboard knows, as one value: what the pool looks like, what the screen shows,
/// and what the user asked for.
///
/// It changes only through `update(_:)`, which returns the commands for the engine; the views
/// are pure functions of it.
public struct DashboardState: Sendable {
    /// The smallest terminal the dashboard draws in; below it a "terminal too small" screen shows.
    public static let minimumWidth = 80
    /// See `minimumWidth`.
    public static let minimumHeight = 24
    /// The most dashboard-made event lines kept.
    static let localEventLimit = 64
    /// How long a command echo stays on screen, in nanoseconds of the runner's clock.
    static let echoLifetimeNanos: UInt64 = 3_000_000_000

    // MARK: - The pool

    /// The observation updated by every snapshot, paused or not.
    public internal(set) var live = PoolObservation()
    /// The observation the screen froze on, while paused.
    public internal(set) var frozen: PoolObservation?
    /// Snapshots received since the screen was paused.
    public internal(set) var snapshotsWhilePaused = 0

    // MARK: - The screen

    /// The terminal's columns.
    public internal(set) var width: Int
    /// The terminal's rows.
    public internal(set) var height: Int
    /// True while the help overlay shows.
    public internal(set) var isHelpVisible = false
    /// The `s` overlay: the running sweep, the last result, and whether it shows.
    public internal(set) var sweep = SweepPanel()
    /// The slot the user clicked, whose details show under the slots.
    public internal(set) var selectedSlot: Int?
    /// The themes `t` cycles through (never empty).
    public let themes: [Theme]
    /// The index in `themes` of the theme in use.
    public internal(set) var themeIndex: Int
    /// The modes `m` cycles through.
    public let availableModes: [PoolMode]
    /// The kinds of command the source carries out (the footer lists only their keys).
    public let acceptedCommands: Set<PoolCommand.Kind>
    /// A line for the footer's right end, while no command echo shows (where a watched
    /// program's output goes).
    public let footerNote: String?
    /// Events the dashboard itself noted (pause, theme, refused keys), oldest first.
    public internal(set) var localEvents: [DashboardEvent] = []
    /// The last command sent, as a short text for the footer, until it ages out.
    public internal(set) var commandEcho: String?
    /// The recording under way, shown in the header as `● REC 0:12`.
    public internal(set) var recording: RecordingIndicator?
    /// The lesson open, and where the class is in it.
    public internal(set) var lesson: LessonProgress?
    /// The lessons `L` lists.
    public let lessons: [Lesson]
    /// The row selected in the `L` list while it shows; nil when it is closed.
    public internal(set) var lessonListSelection: Int?

    // MARK: - Bookkeeping

    /// The runner's clock at the last tick, in nanoseconds.
    public internal(set) var clockNanos: UInt64 = 0
    /// When the echo was set, on the runner's clock; nil until a tick dates it.
    var echoSetAtNanos: UInt64?
    /// True once a tick has told the runner's clock.
    var hasTicked = false
    /// Settings asked for and not yet shown by a snapshot.
    var pending = PendingChanges()

    /// Creates the state of a dashboard that has not seen the pool yet.
    /// - Parameters:
    ///   - width: the terminal's columns.
    ///   - height: the terminal's rows.
    ///   - themes: the themes `t` cycles through, in order, each with its name; when empty, the
    ///     built-in default.
    ///   - themeIndex: the theme to start with (clamped to `themes`).
    ///   - availableModes: the modes `m` cycles through.
    ///   - acceptedCommands: the kinds of command the source carries out.
    ///   - footerNote: a line for the footer's right end.
    ///   - lessons: the lessons `L` lists.
    ///   - lesson: the lesson to open at once (`pooltop lesson NAME`).
    public init(
        width: Int,
        height: Int,
        themes: [Theme] = [],
        themeIndex: Int = 0,
        availableModes: [PoolMode] = PoolMode.allCases,
        acceptedCommands: Set<PoolCommand.Kind> = Set(PoolCommand.Kind.allCases),
        footerNote: String? = nil,
        lessons: [Lesson] = [],
        lesson: Lesson? = nil
    ) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.themes = themes.isEmpty ? [Theme.builtin] : themes
        self.themeIndex = min(max(0, themeIndex), self.themes.count - 1)
        self.availableModes = availableModes
        self.acceptedCommands = acceptedCommands
        self.footerNote = footerNote
        self.lessons = lessons
        self.lesson = lesson.map { LessonProgress(lesson: $0, observation: PoolObservation(), now: nil) }
    }

    // MARK: - Derived

    /// What the screen shows: the frozen observation while paused, the live one otherwise.
    public var displayed: PoolObservation { frozen ?? live }

    /// True while the screen shows a watched program's pools (a source of its own whose tasks
    /// are not pooltop's requests).
    public var isAttached: Bool { !live.snapshot.hasRequests }

    /// True while the screen shows a recording being replayed.
    public var isReplay: Bool { live.snapshot.playback != nil }

    /// With a lesson open, the panel its step looks at (the lesson layout shows it); nil without one.
    var lessonFeature: LessonPanel? {
        lesson.map { $0.step.look ?? .throughput }
    }

    /// True while the screen is frozen.
    public var isPaused: Bool { frozen != nil }

    /// The theme in use.
    public var currentTheme: Theme { themes[themeIndex] }

    /// True when the terminal is big enough for the dashboard.
    public var fitsMinimumSize: Bool {
        width >= DashboardState.minimumWidth && height >= DashboardState.minimumHeight
    }

    /// The event lines to show, oldest first: the displayed snapshot's events merged by time with
    /// the dashboard's own; at most `limit` of the newest.
    public func events(limit: Int) -> [DashboardEvent] {
        guard limit > 0 else { return [] }
        let engine = displayed.snapshot.events
        var merged: [DashboardEvent] = []
        merged.reserveCapacity(min(limit, engine.count + localEvents.count))
        // Walk both lists from their newest ends and keep the newest `limit`.
        var e = engine.count - 1, l = localEvents.count - 1
        while merged.count < limit, e >= 0 || l >= 0 {
            if l < 0 || (e >= 0 && engine[e].elapsedNanos > localEvents[l].elapsedNanos) {
                merged.append(DashboardEvent(engine[e]))
                e -= 1
            } else {
                merged.append(localEvents[l])
                l -= 1
            }
        }
        return merged.reversed()
    }
}

extension DashboardState: Equatable {}
