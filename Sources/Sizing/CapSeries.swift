import PoolCore
/// The caps a sweep measures: a list (`1,2,4,8`) or a geometric range (`1...128`: doubling from
/// the lower bound, ending on the upper one).
public struct CapSeries: Sendable, Hashable {
    /// The caps, increasing, without repeats, each in `PoolLimits.cap`.
    public var caps: [Int]

    /// A series of exactly these caps (sorted, repeats dropped, clamped to the allowed range).
    public init(caps: [Int]) {
        let limit = PoolLimits.cap
        self.caps = Array(Set(caps.map { min(limit.upperBound, max(limit.lowerBound, $0)) })).sorted()
    }

    /// Parses `1,2,4,8` or `1...128` (also `1..128`).
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.filter { $0 != " " }
        let limit = PoolLimits.cap
        let example = "a list such as 1,2,4,8 or a range such as 1...128 (doubling), each cap in 1...\(limit.upperBound)"
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: true)
        if trimmed.contains(".."), parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]),
           limit.contains(low), limit.contains(high), low <= high {
            var caps: [Int] = []
            var cap = low
            while cap < high {
                caps.append(cap)
                cap *= 2
            }
            caps.append(high)
            self.init(caps: caps)
            return
        }
        let items = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !trimmed.contains("."), !items.isEmpty, items.allSatisfy({ $0.map(limit.contains) ?? false }) else {
            throw ParseError("expected \(example), got \"\(text)\"")
        }
        self.init(caps: items.compactMap { $0 })
    }

    /// A short series around `cap` for a quick sweep: from an eighth of it to four times it,
    /// doubling (`50` gives 6, 13, 25, 50, 100, 200), within the allowed range.
    public static func around(_ cap: Int) -> CapSeries {
        let factors: [Double] = [0.125, 0.25, 0.5, 1, 2, 4]
        return CapSeries(caps: factors.map { Int((Double(cap) * $0).rounded()) })
    }

}

extension CapSeries: CustomStringConvertible {
    /// The series as a list, as it is written on the command line: `1,2,4,8`.
    public var description: String {
        caps.map(String.init).joined(separator: ",")
    }
}
