import PoolCore
/// Numbers as the sweep's sentences write them, without Foundation.
public enum SweepText {
    /// A rate: whole numbers with thousands separators from 100 up (`12,500`), two decimals at most
    /// below (`49.8`).
    public static func rate(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        guard abs(value) >= 100 else { return DurationText.trimmed(value) }
        return GroupedNumber.text(Int(value.rounded()))
    }

    /// A small coefficient with `digits` significant digits (`0.0123`, `0.000045`, `0`).
    public static func coefficient(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return "-" }
        guard value != 0 else { return "0" }
        var scale = 1.0, places = 0
        while abs(value) * scale < 1, places < 12 {
            scale *= 10
            places += 1
        }
        places += max(0, digits - 1)
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let units = Int((abs(value) * factor).rounded())
        var fraction = String(units % Int(factor))
        while fraction.count < places { fraction = "0" + fraction }
        while fraction.last == "0" { fraction.removeLast() }
        let whole = String(units / Int(factor))
        return (value < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
