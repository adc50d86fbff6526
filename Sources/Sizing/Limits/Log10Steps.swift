/// Netflix's `Log10RootIntFunction`: log10 of a limit as a whole number, at least 1 below 1000
/// (1 up to 99, 2 from 100 to 999, 3 from 1000), the unit Vegas's thresholds and steps use.
enum Log10Steps {
    /// `max(1, ⌊log10(limit)⌋)` below 1000, `⌊log10(limit)⌋` from there.
    static func of(_ limit: Int) -> Int {
        guard limit >= 10 else { return 1 }
        var digits = 0, rest = limit
        while rest >= 10 { rest /= 10; digits += 1 }
        return limit < 1000 ? max(1, digits) : digits
    }
}
