import Foundation
import PoolCore

/// Number formatting for the bench table: fixed decimals, thousands separators, units.
enum BenchFormat {
    /// `value` with `decimals` decimals, or with fewer as it grows (3 significant digits at least).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = abs(value)
        if magnitude >= 1_000 { return count(Int(value.rounded())) }
        if magnitude >= 100 { return String(format: "%.0f", value) }
        if magnitude >= 10 { return String(format: "%.1f", value) }
        if magnitude >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }

    /// A whole number with thousands separators: 2,500.
    static func count(_ value: Int) -> String {
        GroupedNumber.text(value)
    }

    /// A duration in nanoseconds as the shortest readable unit: 10 ms, 1 ms, 500 µs.
    static func duration(_ nanos: UInt64) -> String {
        if nanos >= 1_000_000_000 { return number(Double(nanos) / 1e9) + " s" }
        if nanos >= 1_000_000 { return number(Double(nanos) / 1e6) + " ms" }
        if nanos >= 1_000 { return number(Double(nanos) / 1e3) + " µs" }
        return "\(nanos) ns"
    }

    /// A ratio as `12.3×`.
    static func ratio(_ value: Double?) -> String {
        guard let value else { return "—" }
        return number(value) + "×"
    }

    /// A fraction (0.97) as a percentage (`97.0 %`).
    static func percent(_ fraction: Double) -> String {
        String(format: "%.1f %%", fraction * 100)
    }

    /// A share with two decimals (`97.96 %`), for a figure set against a target: a rounded
    /// `98.0 %` beside MISSED would read as met.
    /// `value` with `decimals` decimals, or more (up to 6) while it would print as `target` without
    /// being equal to it: `1.004` beside a target of 1 prints `1.004`, not `1.00`.
    static func beside(target: Double, _ value: Double, decimals: Int) -> String {
        var places = decimals
        while places < 6, value != target, String(format: "%.\(places)f", value) == String(format: "%.\(places)f", target) { places += 1 }
        return String(format: "%.\(places)f", value)
    }

    static func precisePercent(_ fraction: Double) -> String {
        String(format: "%.2f %%", fraction * 100)
    }
}
