import PoolCore

/// The names the slots panel writes beside the slots of a source that knows its workers (a
/// watched program's pids or thread names): each worker's name less the prefix all of them share
/// up to a separator, so `ThreadPoolExecutor-0_3` shows as `3` under `ThreadPoolExecutor-0_…`.
struct SlotNames: Sendable, Hashable {
    /// One label per slot (empty for a slot without a worker); empty when no slot has a name.
    let labels: [String]
    /// What every label had in front and lost (`ThreadPoolExecutor-0_`), or empty.
    let sharedPrefix: String

    /// The longest a label may be: longer names keep their end.
    static let longestLabel = 12

    /// The names of `slots`.
    init(_ slots: [SlotState]) {
        let names = slots.map { $0.worker ?? "" }
        let named = names.filter { !$0.isEmpty }
        guard let first = named.first else {
            labels = []
            sharedPrefix = ""
            return
        }
        var prefix = Substring(first)
        for name in named.dropFirst() {
            let shared = zip(prefix, name).prefix { $0 == $1 }.count
            prefix = prefix.prefix(shared)
            if prefix.isEmpty { break }
        }
        // Cut back to the last separator, so `4711`, `4712` keep their digits and `Worker-12`,
        // `Worker-13` keep theirs; a lone worker keeps its whole name unless it is too long.
        if named.count < 2, first.count <= Self.longestLabel { prefix = "" }
        while let last = prefix.last, last.isLetter || last.isNumber { prefix.removeLast() }
        sharedPrefix = String(prefix)
        labels = names.map { name in
            guard !name.isEmpty else { return "" }
            let rest = name.dropFirst(prefix.count)
            return rest.count > Self.longestLabel ? "…" + String(rest.suffix(Self.longestLabel - 1)) : String(rest)
        }
    }

    /// True for a name that is a process id (all digits).
    static func isProcessID(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy(\.isASCII) && name.allSatisfy(\.isNumber)
    }
}
