/// What a lesson check asks of a figure: a bound on its value now, or a change from its value
/// when the step began (or its key was pressed).
public enum LessonCondition: Sendable, Hashable {
    /// The figure is above this value.
    case above(Double)
    /// The figure is below this value.
    case below(Double)
    /// The figure equals this value.
    case equals(Double)
    /// The figure rose by at least this fraction (0.3 = 30 %) from its value at the start.
    case rises(Double)
    /// The figure fell by at least this fraction from its value at the start.
    case falls(Double)
    /// The figure has not changed since the start (a count that stopped growing).
    case unchanged

    /// Whether `now` meets the condition, `before` being the figure's value at the start.
    public func holds(now: Double, before: Double) -> Bool {
        switch self {
        case .above(let bound): return now > bound
        case .below(let bound): return now < bound
        case .equals(let value): return abs(now - value) < 1e-9
        case .rises(let fraction): return before > 0 ? now >= before * (1 + fraction) : now > 0
        case .falls(let fraction): return now <= before * (1 - fraction) && (before > 0 || now < 0)
        case .unchanged: return now == before
        }
    }

    /// Whether the condition compares with the figure's value at the start.
    public var needsBefore: Bool {
        switch self {
        case .rises, .falls, .unchanged: return true
        case .above, .below, .equals: return false
        }
    }
}
