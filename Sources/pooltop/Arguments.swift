import ArgumentParser
import PoolCore
import Sessions

extension SourceMode: ExpressibleByArgument {}
extension CostDistribution: ExpressibleByArgument {}
extension RejectPolicy: ExpressibleByArgument {}

extension Result where Failure == ParseError {
    /// The value, or the parse error as a `ValidationError` (so the message reaches the user).
    func orValidationError() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw ValidationError(error.description)
        }
    }
}

extension TaskSpec {
    /// Parses a task spec, throwing a `ValidationError` naming what a valid one looks like.
    static func validated(_ text: String) throws -> TaskSpec {
        try Result { () throws(ParseError) in try TaskSpec(parsing: text) }.orValidationError()
    }
}

/// A duration option (`10ms`, `20us`, `1.5s`), parsed by `DurationText`.
struct Duration: Hashable, Sendable {
    var nanoseconds: UInt64

    init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }

    /// Parses a duration with a unit or throws a `ValidationError` saying what is expected.
    init(parsing text: String) throws {
        guard let nanos = DurationText.nanoseconds(text) else {
            throw ValidationError("expected a duration with a unit (ns, us, ms, s; e.g. 10ms, 1.5s), got \"\(text)\"")
        }
        nanoseconds = nanos
    }
}
