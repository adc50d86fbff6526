/// Durations as people type them (`10ms`, `20us`, `1.5s`, `250ns`) and as the screen shows them.
public enum DurationText {
    /// The nanoseconds `text` stands for, or nil when it is not a duration with a unit (a bare `0` is fine).
    public static func nanoseconds(_ text: String) -> UInt64? {
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9)]
        let lower = text.lowercased()
        if let zero = Double(lower), zero == 0 { return 0 }
        for (unit, scale) in units where lower.hasSuffix(unit) {
            let number = lower.dropLast(unit.count)
            guard !number.isEmpty, let value = Double(number), value.isFinite, value >= 0, value * scale < 1e15 else { return nil }
            return UInt64((value * scale).rounded())
        }
        return nil
    }

    /// A short human form: `850ns`, `20µs`, `1.5ms`, `2.25s`.
    public static func format(nanoseconds: UInt64) -> String {
        let value = Double(nanoseconds)
        switch nanoseconds {
        case ..<1_000: return "\(nanoseconds)ns"
        case ..<1_000_000: return trimmed(value / 1e3) + "us"
        case ..<1_000_000_000: return trimmed(value / 1e6) + "ms"
        default: return trimmed(value / 1e9) + "s"
        }
    }

    /// At most three significant digits, so it fits six columns: `850ns`, `83us`, `20.4ms`,
    /// `130ms`, `1.23s` (for tables, where `format` would overflow the cell).
    public static func compact(nanoseconds: UInt64) -> String {
        guard nanoseconds >= 1_000 else { return "\(nanoseconds)ns" }
        let (value, unit): (Double, String) =
            nanoseconds < 1_000_000 ? (Double(nanoseconds) / 1e3, "us")
            : nanoseconds < 1_000_000_000 ? (Double(nanoseconds) / 1e6, "ms") : (Double(nanoseconds) / 1e9, "s")
        let text: String
        if value >= 99.95 {
            text = "\(Int(value.rounded()))"
        } else if value >= 9.995 {
            text = trimmed((value * 10).rounded() / 10)
        } else {
            text = trimmed(value)
        }
        return text + unit
    }

    /// A number with at most two decimals and no trailing zeros: `2`, `0.5`, `1.25`.
    public static func trimmed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A position in a recording, always to the tenth: `0:12.3`, `1:30.0`, `1:02:04.5`.
    public static func playhead(nanoseconds: UInt64) -> String {
        let tenths = nanoseconds / 100_000_000
        let seconds = tenths / 10
        func two(_ value: UInt64) -> String { value < 10 ? "0\(value)" : String(value) }
        let minutesAndSeconds = seconds < 3600
            ? String(seconds / 60) + ":" + two(seconds % 60)
            : String(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
        return minutesAndSeconds + "." + String(tenths % 10)
    }
}
