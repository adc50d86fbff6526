/// Whole numbers with thousands separators, without Foundation or a locale: `1234567` reads
/// `1,234,567`. The one formatter the dashboard, the sweep's sentences and the bench share.
public enum GroupedNumber {
    /// `value` with a comma every three digits from the right.
    public static func text(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 3 else { return value < 0 ? "-" + digits : digits }
        var text = value < 0 ? "-" : ""
        text.reserveCapacity(digits.count + digits.count / 3 + 1)
        var remaining = digits.count
        for character in digits {
            text.append(character)
            remaining -= 1
            if remaining > 0, remaining % 3 == 0 { text.append(",") }
        }
        return text
    }
}
