/// A plain-text table for a terminal or a README: a header, aligned columns separated by two
/// spaces, and heading lines that span the table (section titles).
///
/// Widths count characters, which is right for the Latin text, digits and single-width symbols
/// (µ, ×, —, %) benchmark tables use.
public struct TextTable: Sendable, Hashable {
    /// How a column's cells line up.
    public enum Alignment: Sendable, Hashable {
        /// Text: padded on the right.
        case left
        /// Numbers: padded on the left.
        case right
    }

    /// One column: its title and alignment.
    public struct Column: Sendable, Hashable {
        public var title: String
        public var alignment: Alignment

        /// A column titled `title`, aligned `alignment`.
        public init(_ title: String, _ alignment: Alignment = .right) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// A line of the table.
    enum Row: Sendable, Hashable {
        case cells([String])
        case heading(String)
    }

    /// The columns, left to right.
    public let columns: [Column]
    private(set) var rows: [Row] = []

    /// An empty table with these columns.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    public mutating func append(_ cells: [String]) {
        rows.append(.cells((0..<columns.count).map { $0 < cells.count ? cells[$0] : "" }))
    }

    /// Adds a line that spans the table, such as a section title.
    public mutating func appendHeading(_ text: String) {
        rows.append(.heading(text))
    }

    /// The table as lines: the column titles, a rule, then the rows. No trailing spaces.
    public var lines: [String] {
        var widths = columns.map(\.title.count)
        for case .cells(let cells) in rows {
            for (index, cell) in cells.enumerated() { widths[index] = Swift.max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell -> String in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return columns[index].alignment == .left ? cell + padding : padding + cell
            }
            return Self.trimmingTrailingSpaces(padded.joined(separator: "  "))
        }
        let total = widths.reduce(0, +) + 2 * Swift.max(0, columns.count - 1)
        var result = [line(columns.map(\.title)), String(repeating: "-", count: total)]
        for row in rows {
            switch row {
            case .cells(let cells): result.append(line(cells))
            case .heading(let text): result.append(text)
            }
        }
        return result
    }

    private static func trimmingTrailingSpaces(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
