import PoolCore

/// How the requests of one burst arrive.
public enum ArrivalPattern: Sendable, Hashable, Codable {
    /// All requests arrive within this many nanoseconds, at uniformly random instants (0: all at once).
    case burst(windowNanos: UInt64)
    /// Requests arrive one by one at this mean rate per second, with exponential gaps.
    case poisson(ratePerSecond: Double)
}

extension ArrivalPattern {
    /// Parses `burst` (with the given window) or `poisson:RATE`.
    public init(parsing text: String, burstWindowNanos: UInt64) throws(ParseError) {
        let lower = text.lowercased()
        if lower == "burst" {
            self = .burst(windowNanos: burstWindowNanos)
            return
        }
        if lower.hasPrefix("poisson:"), let rate = Double(lower.dropFirst("poisson:".count)), rate > 0, rate.isFinite {
            self = .poisson(ratePerSecond: rate)
            return
        }
        throw ParseError("expected burst or poisson:RATE (requests per second, e.g. poisson:200), got \"\(text)\"")
    }

    /// The pattern written back as it is parsed.
    public var name: String {
        switch self {
        case .burst: return "burst"
        case .poisson(let rate): return "poisson:\(DurationText.trimmed(rate))"
        }
    }
}
