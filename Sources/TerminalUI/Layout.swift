/// Splits a rectangle into pieces along one axis, after a list of `Constraint`s.
///
/// The pieces never leave the input rectangle. Room is handed out in this order: `length`, `min`
/// and `percentage` pieces get their size; what is left goes to `fill` pieces by weight (or, with no
/// fill, is shared equally by the `min` pieces; otherwise it stays unused at the end). When the
/// sizes asked for do not fit, the spacing shrinks first, then every piece shrinks in proportion
/// to what it asked for, so a small terminal gives small pieces rather than missing ones.
public enum Layout {
    /// The axis a split runs along.
    public enum Direction: Sendable, Hashable {
        /// Pieces side by side, left to right (splitting the width).
        case horizontal
        /// Pieces stacked top to bottom (splitting the height).
        case vertical
    }

    /// The pieces of `rect`, one per constraint, in order.
    /// - Parameters:
    ///   - rect: the rectangle to split.
    ///   - direction: split the width (`.horizontal`) or the height (`.vertical`).
    ///   - constraints: what each piece asks for.
    ///   - spacing: blank cells between neighbouring pieces.
    public static func split(_ rect: Rect, direction: Direction, constraints: [Constraint], spacing: Int = 0) -> [Rect]
    {
        let total = direction == .horizontal ? rect.width : rect.height
        let (lengths, gap) = sizes(total: total, constraints: constraints, spacing: spacing)
        var position = 0
        var result: [Rect] = []
        result.reserveCapacity(lengths.count)
        for length in lengths {
            switch direction {
            case .horizontal:
                result.append(Rect(x: rect.x + position, y: rect.y, width: length, height: rect.height))
            case .vertical:
                result.append(Rect(x: rect.x, y: rect.y + position, width: rect.width, height: length))
            }
            position += length + gap
        }
        return result
    }

    /// A rectangle of at most `width` × `height` centered in `rect` (for overlays and dialogs).
    public static func centered(width: Int, height: Int, in rect: Rect) -> Rect {
        let w = Swift.min(rect.width, Swift.max(0, width)), h = Swift.min(rect.height, Swift.max(0, height))
        return Rect(x: rect.x + (rect.width - w) / 2, y: rect.y + (rect.height - h) / 2, width: w, height: h)
    }

    // MARK: - Sizing

    /// The length of each piece and the spacing actually used, for a split of `total` cells.
    static func sizes(total: Int, constraints: [Constraint], spacing: Int) -> (lengths: [Int], spacing: Int) {
        guard !constraints.isEmpty else { return ([], 0) }
        let total = Swift.max(0, total)
        let base = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let n), .min(let n): return Swift.max(0, n)
            case .percentage(let p): return total * Swift.min(100, Swift.max(0, p)) / 100
            case .fill: return 0
            }
        }
        let requested = base.reduce(0, +)
        let gaps = constraints.count - 1
        var gap = Swift.max(0, spacing)
        if gaps > 0, requested + gap * gaps > total {
            gap = Swift.min(gap, Swift.max(0, (total - requested) / gaps))
        }
        let available = Swift.max(0, total - gap * gaps)
        if requested > available {
            return (distribute(available, weights: base), gap)
        }
        let leftover = available - requested
        var weights = constraints.map { constraint -> Int in
            if case .fill(let weight) = constraint { return Swift.max(0, weight) }
            return 0
        }
        if weights.allSatisfy({ $0 == 0 }) {
            weights = constraints.map { constraint -> Int in
                if case .min = constraint { return 1 }
                return 0
            }
        }
        let extra = distribute(leftover, weights: weights)
        return (zip(base, extra).map { $0 + $1 }, gap)
    }

    /// `amount` split in proportion to `weights`, in whole cells (largest remainders first, ties to
    /// the earlier piece); all zeros when every weight is zero.
    static func distribute(_ amount: Int, weights: [Int]) -> [Int] {
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0, amount > 0 else { return Array(repeating: 0, count: weights.count) }
        var shares = weights.map { amount * $0 / totalWeight }
        var remaining = amount - shares.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            let ra = amount * weights[a] % totalWeight, rb = amount * weights[b] % totalWeight
            return ra != rb ? ra > rb : a < b
        }
        for index in order where remaining > 0 && weights[index] > 0 {
            shares[index] += 1
            remaining -= 1
        }
        return shares
    }
}
