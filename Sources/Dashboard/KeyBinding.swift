import PoolCore
import TerminalUI

/// One row of the key table: the keys of one entry (`+ -` is one entry of three keys), how the
/// footer, the help overlay and the command line show it, and what each key does.
public struct KeyBinding: Sendable {
    /// What a key does: it changes the dashboard's state and returns the effects for the runner.
    public typealias Action = @Sendable (inout DashboardState) -> [DashboardEffect]

    /// The places, besides the footer's key list, that list a binding.
    public struct Places: OptionSet, Sendable, Hashable {
        public let rawValue: Int

        /// Creates a set of places from its bits.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The key list of the `?` overlay.
        public static let helpOverlay = Places(rawValue: 1 << 0)
        /// The footer line while the help overlay shows ("esc or ? closes the help").
        public static let helpFooter = Places(rawValue: 1 << 1)
        /// The footer line while the sweep overlay shows ("enter or A applies cap N").
        public static let sweepFooter = Places(rawValue: 1 << 2)
        /// The dashboard command's `--help` text.
        public static let commandLine = Places(rawValue: 1 << 3)
        /// The footer's key list while a recording is replayed.
        public static let replayFooter = Places(rawValue: 1 << 4)
    }

    /// When a binding's keys act.
    public enum Context: Sendable, Hashable {
        /// Whatever the screen shows.
        case always
        /// Only while the sweep overlay shows; the keys do nothing otherwise.
        case sweepOverlay
        /// Only on a live source (a replay gives these keys to its playhead).
        case live
        /// Only while a recording is replayed.
        case replay
        /// Only while a real program is watched.
        case attached
        /// Only while a lesson is open (and neither the sweep nor the lesson list covers it).
        case lesson
        /// Only while the `L` list of lessons shows.
        case lessonList

        /// A few words for the command line, empty for `always`.
        var note: String {
            switch self {
            case .always, .live: ""
            case .sweepOverlay: " (sweep overlay)"
            case .replay: " (replay)"
            case .attached: " (watch)"
            case .lesson: " (lesson)"
            case .lessonList: " (lesson list)"
            }
        }
    }

    /// An entry of the footer's compact form: the key run into the rest of its label (`b` + `urst`).
    public struct Abbreviation: Sendable, Hashable {
        /// The key, highlighted.
        public var key: String
        /// The rest of the word, right after the key (may be empty).
        public var rest: String
    }

    /// The entry's keys as shown, pairs separated by a space: `b`, `+ -`, `] [`, `space`.
    public let label: String
    /// The footer's word for the entry at full length (`burst`); nil when the footer's key list
    /// leaves the entry out.
    public let footer: String?
    /// The footer's compact form; nil for an entry in the footer that the previous entry's
    /// abbreviation already covers (`] [` folds into `+-[]cap`). `<>` and `?` go without a word,
    /// so the compact list fits 80 columns.
    public let compact: Abbreviation?
    /// What the entry does, as the help overlay says it (`fire a burst`).
    public let help: String
    /// What the command line says it does, when it says it differently from `help`.
    let commandLineHelp: String?
    /// Where else the entry is listed.
    public let places: Places
    /// When its keys act.
    public let context: Context
    /// The commands its keys send: the footer lists the entry only when the source accepts all
    /// of them (a watched program shows no `b burst`; its refusal still answers the key).
    public let needs: Set<PoolCommand.Kind>
    /// True when its keys run pooltop's own engine (the sweep runs copies of the live session):
    /// the footer leaves it out for any other source, whose refusal still answers the key.
    public let needsEngine: Bool
    /// The keys that act, in the order they are listed; empty for an entry that only explains
    /// (a mouse click).
    public let keys: [Key]
    /// What each key does.
    let actions: [Key: Action]

    /// Creates a row.
    /// - Parameters:
    ///   - label: the keys as shown.
    ///   - footer: the footer's word, or nil to leave the entry out of the footer.
    ///   - compact: the footer's compact form (key, rest); nil to fold into the previous entry's.
    ///   - help: what the entry does, for the help overlay and the command line.
    ///   - commandLine: what the command line says instead of `help`, where that reads wrong there.
    ///   - places: where else the entry is listed.
    ///   - context: when its keys act.
    ///   - actions: each key and what it does, in the order to list them.
    init(
        _ label: String,
        footer: String? = nil,
        compact: (key: String, rest: String)? = nil,
        help: String,
        commandLine: String? = nil,
        places: Places = [.helpOverlay, .commandLine],
        context: Context = .always,
        needs: Set<PoolCommand.Kind> = [],
        needsEngine: Bool = false,
        actions: KeyValuePairs<Key, Action> = [:]
    ) {
        self.label = label
        self.footer = footer
        self.compact = compact.map { Abbreviation(key: $0.key, rest: $0.rest) }
        self.help = help
        self.commandLineHelp = commandLine
        self.places = places
        self.context = context
        self.needs = needs
        self.needsEngine = needsEngine
        self.keys = actions.map(\.key)
        self.actions = Dictionary(actions.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry as the command line lists it: keys joined by `/`, then what they do and where.
    public var commandLineText: String {
        label.split(separator: " ").joined(separator: "/") + " " + (commandLineHelp ?? help) + context.note
    }

    /// True when the keys act in `state`.
    func isActive(in state: DashboardState) -> Bool {
        switch context {
        case .always: true
        case .sweepOverlay: state.sweep.isVisible
        case .live: !state.isReplay
        case .replay: state.isReplay
        case .attached: state.isAttached
        case .lesson: state.lesson != nil && !state.sweep.isVisible && state.lessonListSelection == nil
        case .lessonList: state.lessonListSelection != nil
        }
    }
}
