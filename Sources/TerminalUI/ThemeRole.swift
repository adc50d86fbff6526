/// A single-color part of the screen that a theme colors, with the theme-file key that sets it.
///
/// The first group are btop's own keys and mean what they mean in btop, so a btop theme file loads
/// as-is; the rest are pooltop's. A key missing from a file falls back along `fallbackKeys`, then
/// to the theme the file is loaded over (the built-in default).
public enum ThemeRole: Int, Sendable, Hashable, CaseIterable {
    // MARK: btop keys
    /// The screen background (`main_bg`).
    case background
    /// Ordinary text (`main_fg`).
    case text
    /// Box titles (`title`).
    case title
    /// Key letters in the footer and help (`hi_fg`).
    case highlight
    /// The background of a selected item (`selected_bg`).
    case selectionBackground
    /// The text of a selected item (`selected_fg`).
    case selectionText
    /// Inactive or secondary text (`inactive_fg`).
    case dimText
    /// Text drawn over graphs, such as scale labels (`graph_text`).
    case graphText
    /// The empty part of gauges and meters (`meter_bg`).
    case meterBackground
    /// Small accents, such as mini graphs and detail text (`proc_misc`).
    case accent
    /// Outline of the first box group: header and slots (`cpu_box`).
    case cpuBox
    /// Outline of the second box group: lock and latency (`mem_box`).
    case memBox
    /// Outline of the third box group: queue and throughput (`net_box`).
    case netBox
    /// Outline of the fourth box group: system and events (`proc_box`).
    case procBox
    /// Divider lines inside boxes (`div_line`).
    case divider

    // MARK: pooltop keys
    /// Box outlines where no box group applies, such as overlays (`border`).
    case border
    /// An idle worker slot (`slot_idle`).
    case slotIdle
    /// A busy worker slot when it is not colored by request (`slot_busy`).
    case slotBusy
    /// A slot waiting for the shared lock (`slot_lock_wait`).
    case slotLockWait
    /// A slot holding the shared lock (`slot_lock_hold`).
    case slotLockHold
    /// A slot whose worker is retiring after a shrink (`slot_retiring`).
    case slotRetiring
    /// A slot whose worker is starting (`slot_starting`).
    case slotStarting
    /// A slot whose worker crashed (`slot_crashed`).
    case slotCrashed
    /// Warnings (`warning`).
    case warning
    /// Errors and failures (`error`).
    case error
    /// Good news (`ok`).
    case ok

    /// The theme-file key that sets this role.
    public var key: String { ThemeRole.keys[rawValue] }

    /// The keys tried, in order, when a file does not set this role (before the fallback theme).
    public var fallbackKeys: [String] { ThemeRole.fallbacks[rawValue] }

    /// The role a theme-file key sets, if it names one.
    public init?(key: String) {
        guard let index = ThemeRole.keys.firstIndex(of: key) else { return nil }
        self.init(rawValue: index)
    }

    private static let keys: [String] = [
        "main_bg", "main_fg", "title", "hi_fg", "selected_bg", "selected_fg", "inactive_fg", "graph_text",
        "meter_bg", "proc_misc", "cpu_box", "mem_box", "net_box", "proc_box", "div_line",
        "border", "slot_idle", "slot_busy", "slot_lock_wait", "slot_lock_hold", "slot_retiring",
        "slot_starting", "slot_crashed", "warning", "error", "ok",
    ]

    private static let fallbacks: [[String]] = [
        [], [], ["main_fg"], [], [], ["main_fg"], [], ["inactive_fg"],
        ["inactive_fg"], [], [], [], [], [], ["inactive_fg"],
        ["cpu_box", "div_line"], ["inactive_fg"], ["proc_misc"], ["warning"], ["temp_mid"], ["graph_text"],
        ["cached_mid"], ["error"], ["available_end"], ["temp_end"], ["process_start"],
    ]
}
