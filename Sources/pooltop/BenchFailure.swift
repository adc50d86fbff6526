/// Why a benchmark step could not give a figure; its description goes into the table.
struct BenchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line for a person.
    var description: String

    /// A failure described by `description`.
    init(_ description: String) {
        self.description = description
    }
}
