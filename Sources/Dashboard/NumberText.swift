import PoolCore

/// Numbers as the dashboard shows them, without Foundation: grouped integers, fixed decimals,
/// compact counts (`12.3k`), percentages, byte sizes and clock times.
///
/// Every function is allocation-light and locale-free, so a whole frame formats in microseconds.
public enum NumberText {
    /// `1234567` as `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        GroupedNumber.text(value)
    }

    /// `value` rounded to `decimals` places (0...6), e.g. `fixed(3.14159, decimals: 2)` is `3.14`.
    ///
    /// Not-a-number reads `-`, infinities `∞`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "-" : (value < 0 ? "-∞" : "∞") }
        let places = min(6, max(0, decimals))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e18 else { return value < 0 ? "-∞" : "∞" }
        let units = UInt64(scaled)
        let factor = UInt64(scale)
        let whole = units / factor
        var text = value < 0 && units > 0 ? "-" : ""
        text += String(whole)
        if places > 0 {
            let fraction = String(units % factor)
            text.append(".")
            for _ in fraction.count..<places { text.append("0") }
            text += fraction
        }
        return text
    }

    /// A count in at most five columns: `999`, `1.2k`, `12k`, `1.2M`, `12M`, `1.2G`.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return fixed(value, decimals: 0) }
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        let units: [(Double, String)] = [(1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in units where magnitude >= scale * 0.9995 {
            let scaled = magnitude / scale
            return sign + (scaled < 9.95 ? fixed(scaled, decimals: 1) : fixed(scaled, decimals: 0)) + suffix
        }
        return sign + (magnitude < 10 && magnitude != magnitude.rounded() ? fixed(magnitude, decimals: 1) : fixed(magnitude, decimals: 0))
    }

    /// An integer count in at most five columns (`compact` of the same value).
    public static func compact(_ value: Int) -> String {
        abs(value) < 1000 ? String(value) : compact(Double(value))
    }

    /// A ratio 0...1 as a percentage with `decimals` places: `percent(0.4213, decimals: 1)` is `42.1%`.
    public static func percent(_ ratio: Double, decimals: Int = 0) -> String {
        fixed(ratio * 100, decimals: decimals) + "%"
    }

    /// A byte count in binary units: `512B`, `12.3KiB`, `145MiB`, `1.5GiB`.
    public static func bytes(_ value: UInt64) -> String {
        let units: [(Double, String)] = [(1_073_741_824, "GiB"), (1_048_576, "MiB"), (1024, "KiB")]
        let amount = Double(value)
        for (scale, suffix) in units where amount >= scale {
            let scaled = amount / scale
            return (scaled < 99.95 ? fixed(scaled, decimals: 1) : fixed(scaled, decimals: 0)) + suffix
        }
        return String(value) + "B"
    }

    /// Elapsed time as a clock: `0:07.3` under a minute, `12:07` under an hour, `1:02:07` beyond.
    public static func clock(nanoseconds: UInt64) -> String {
        let tenths = nanoseconds / 100_000_000
        let seconds = tenths / 10
        if seconds < 60 {
            return "0:" + twoDigits(seconds) + "." + String(tenths % 10)
        }
        if seconds < 3600 {
            return String(seconds / 60) + ":" + twoDigits(seconds % 60)
        }
        return String(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60)
    }

    /// A time scale as a factor: `×1`, `×4`, `×0.5`, `×0.0625` shown as `×1/16`.
    public static func timeScale(_ scale: Double) -> String {
        if scale >= 1 || scale <= 0 { return "×" + trimmed(scale) }
        let inverse = (1 / scale).rounded()
        if abs(1 / inverse - scale) < 1e-9 { return "×1/" + fixed(inverse, decimals: 0) }
        return "×" + trimmed(scale)
    }

    /// `value` with up to two decimals and no trailing zeros: `2`, `2.5`, `0.25`.
    public static func trimmed(_ value: Double) -> String {
        var text = fixed(value, decimals: 2)
        guard text.contains(".") else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }

    /// `text` padded with spaces on the left to `width` columns (unchanged when wider).
    public static func padLeft(_ text: String, to width: Int) -> String {
        let missing = width - text.count
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }

    /// `text` padded with spaces on the right to `width` columns (unchanged when wider).
    public static func padRight(_ text: String, to width: Int) -> String {
        let missing = width - text.count
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    private static func twoDigits(_ value: UInt64) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
