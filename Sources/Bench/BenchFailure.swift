/// Why a benchmark step could not give a figure; its description goes into the table.
public struct BenchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line for a person.
    public var description: String

    /// A failure described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
