import TerminalUI

/// Puts pieces of styled text together into lines that fit a width: dropping the least important
/// pieces, or flowing pieces onto as many lines as needed.
enum LineComposer {
    /// A piece of a line and how much it matters: when the line is too long, the piece with the
    /// lowest priority goes first (the later one among equals).
    struct Piece: Sendable {
        var spans: [Span]
        var priority: Int

        init(_ spans: [Span], priority: Int = 0) {
            self.spans = spans
            self.priority = priority
        }

        /// The columns the piece takes.
        var width: Int { LineComposer.width(of: spans) }
    }

    /// The columns `spans` take.
    static func width(of spans: [Span]) -> Int {
        var total = 0
        for span in spans { total += span.width }
        return total
    }

    /// The pieces joined by `separator`, leaving out the least important ones until the line fits
    /// `width` columns (it may still be too long when even the most important piece is).
    static func fitted(_ pieces: [Piece], separator: Span, width: Int) -> [Span] {
        var kept = pieces
        let separatorWidth = separator.width
        func total() -> Int {
            var sum = max(0, kept.count - 1) * separatorWidth
            for piece in kept { sum += piece.width }
            return sum
        }
        while kept.count > 1, total() > width {
            var drop = 0
            for index in kept.indices where kept[index].priority <= kept[drop].priority { drop = index }
            kept.remove(at: drop)
        }
        return joined(kept.map(\.spans), separator: separator)
    }

    /// The pieces, in order, onto as few lines of `width` columns as they need, `separator`
    /// between neighbours on a line; a piece wider than a line gets a line of its own.
    static func flowed(_ pieces: [[Span]], separator: Span, width: Int) -> [[Span]] {
        var lines: [[Span]] = []
        var current: [Span] = []
        var currentWidth = 0
        for piece in pieces {
            let pieceWidth = LineComposer.width(of: piece)
            if currentWidth > 0, currentWidth + separator.width + pieceWidth > width {
                lines.append(current)
                current = []
                currentWidth = 0
            }
            if currentWidth > 0 {
                current.append(separator)
                currentWidth += separator.width
            }
            current.append(contentsOf: piece)
            currentWidth += pieceWidth
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The groups of spans one after the other with `separator` between them.
    static func joined(_ groups: [[Span]], separator: Span) -> [Span] {
        var result: [Span] = []
        for (index, group) in groups.enumerated() {
            if index > 0 { result.append(separator) }
            result.append(contentsOf: group)
        }
        return result
    }

    /// Draws `spans` on row `row` of `area` (nothing when the row is outside it).
    static func draw(_ spans: [Span], row: Int, of area: Rect, buffer: inout CellBuffer, alignment: Alignment = .left) {
        let line = area.row(row)
        guard !line.isEmpty else { return }
        Label(spans: spans, alignment: alignment, overflow: .ellipsis).render(in: line, buffer: &buffer)
    }
}
