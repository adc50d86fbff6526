/// One column of a `Table`: its header, how wide it is and how its cells are aligned.
public struct TableColumn: Sendable, Hashable {
    /// The header text.
    public var title: String
    /// The room the column asks for, shared out by `Layout` across the table's width.
    public var width: Constraint
    /// How the header and the cells sit in the column.
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
