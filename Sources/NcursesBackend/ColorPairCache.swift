/// Hands out ncurses color-pair ids for (foreground, background) color numbers, never more than
/// the terminal has.
///
/// Pair 0 is ncurses' fixed default/default pair and is never handed out for anything else. Ids
/// 1...`capacity` are given out in order of first use. When they run out, `pair(foreground:background:)`
/// returns nil and the caller resets the cache with `removeAll()` and redraws the whole screen, so
/// no cell on screen keeps a pair id that was redefined under it (which evicting single entries,
/// LRU style, would cause).
struct ColorPairCache {
    /// A pair id and whether the caller must still define it with `init_extended_pair`.
    struct Assignment: Hashable {
        /// The pair id, 0...capacity.
        var id: Int32
        /// True when the id was just assigned and has no colors defined for it yet.
        var isNew: Bool
    }

    /// The highest pair id handed out.
    let capacity: Int32
    private var ids: [Key: Int32] = [:]
    private var nextID: Int32 = 1

    /// Creates an empty cache for a terminal with `colorPairs` pairs (ncurses' `COLOR_PAIRS`).
    init(colorPairs: Int) {
        capacity = Int32(clamping: max(0, colorPairs - 1))
    }

    /// The number of pair ids in use, pair 0 not counted.
    var count: Int { ids.count }

    /// The pair for `foreground` on `background` (ncurses color numbers, -1 for the terminal's
    /// default), assigning a new id on first use.
    /// - Returns: the assignment, or nil when every id is taken.
    mutating func pair(foreground: Int32, background: Int32) -> Assignment? {
        if foreground == -1 && background == -1 { return Assignment(id: 0, isNew: false) }
        let key = Key(foreground: foreground, background: background)
        if let id = ids[key] { return Assignment(id: id, isNew: false) }
        guard nextID <= capacity else { return nil }
        let id = nextID
        nextID += 1
        ids[key] = id
        return Assignment(id: id, isNew: true)
    }

    /// Forgets every assignment, so ids are handed out again from 1.
    mutating func removeAll() {
        ids.removeAll(keepingCapacity: true)
        nextID = 1
    }

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }
}
