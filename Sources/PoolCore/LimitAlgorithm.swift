/// How the pool's cap is chosen: set by hand, or moved by an adaptive concurrency limiter from
/// what it measures (the algorithms of Netflix's concurrency-limits).
public enum LimitAlgorithm: String, Sendable, Hashable, Codable, CaseIterable {
    /// The cap stays where it is set (`--cap`, the `+`/`-` keys).
    case fixed
    /// Additive increase, multiplicative decrease: +1 while the pool is used, × backoff on a drop
    /// or a task slower than the timeout.
    case aimd
    /// TCP Vegas: the queue a limit builds, estimated from the RTT against the no-load RTT, kept
    /// between alpha and beta.
    case vegas
    /// The ratio of a long-term to the short-term RTT, clamped to 0.5…1, scales the limit, plus a
    /// queue allowance.
    case gradient2

    /// The algorithm after this one, in the order the key cycles through them.
    public var next: LimitAlgorithm {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The algorithms that move the cap, in order.
    public static let adaptive: [LimitAlgorithm] = [.aimd, .vegas, .gradient2]

    /// Parses one algorithm, a comma-separated list (`aimd,vegas`) or `all` (every adaptive one).
    /// - Throws: `ParseError` naming the word that is not an algorithm.
    public static func list(parsing text: String) throws(ParseError) -> [LimitAlgorithm] {
        if text == "all" { return adaptive }
        var list: [LimitAlgorithm] = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(word.filter { $0 != " " })
            guard let algorithm = LimitAlgorithm(rawValue: name) else {
                throw ParseError("expected fixed, aimd, vegas, gradient2, a list of them (aimd,vegas) or all, got \"\(name)\"")
            }
            if !list.contains(algorithm) { list.append(algorithm) }
        }
        return list
    }

    /// True for the algorithms that move the cap.
    public var isAdaptive: Bool { self != .fixed }
}
