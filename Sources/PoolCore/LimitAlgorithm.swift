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

    /// True for the algorithms that move the cap.
    public var isAdaptive: Bool { self != .fixed }
}
