/// Where text sits on its line when it is narrower than the space it has.
public enum Alignment: Sendable, Hashable {
    /// Flush with the left edge.
    case left
    /// In the middle; an odd leftover column goes to the right.
    case center
    /// Flush with the right edge.
    case right

    /// The offset from the left edge of text `contentWidth` columns wide in `available` columns (never
    /// negative).
    public func offset(contentWidth: Int, available: Int) -> Int {
        let spare = max(0, available - contentWidth)
        switch self {
        case .left: return 0
        case .center: return spare / 2
        case .right: return spare
        }
    }
}
