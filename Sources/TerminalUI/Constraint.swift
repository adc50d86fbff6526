/// How much room one piece of a `Layout` split asks for.
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells.
    case length(Int)
    /// This percentage of the whole length being split (0–100).
    case percentage(Int)
    /// At least this many cells; grows to share leftover room when no piece is `fill`.
    case min(Int)
    /// Nothing of its own; shares the leftover room with the other fills in proportion to the weight.
    case fill(Int)
}
