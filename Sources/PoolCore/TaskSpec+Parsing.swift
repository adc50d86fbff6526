/// A task, duration or rate given on the command line that does not mean anything.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension TaskSpec: LosslessStringConvertible {
    /// Parses `io:10ms`, `cpu:1ms`, `mixed:10ms` or `mixed:10ms:30%`.
    public init?(_ description: String) {
        guard let spec = try? TaskSpec(parsing: description) else { return nil }
        self = spec
    }

    /// Parses a task spec, throwing an error that says what a valid one looks like.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let usage = "expected KIND:DURATION with KIND cpu, io or mixed (e.g. io:10ms, cpu:1ms, mixed:10ms:30%), got \"\(text)\""
        guard parts.count >= 2, let kind = WorkKind(rawValue: parts[0].lowercased()) else { throw ParseError(usage) }
        guard let cost = DurationText.nanoseconds(parts[1]) else { throw ParseError(usage) }
        var fraction = 0.3
        if parts.count == 3 {
            guard kind == .mixed, parts[2].hasSuffix("%"), let percent = Double(parts[2].dropLast()),
                  (0...100).contains(percent) else { throw ParseError(usage) }
            fraction = percent / 100
        } else if parts.count > 3 {
            throw ParseError(usage)
        }
        self.init(kind: kind, costNanos: cost, cpuFraction: fraction)
    }

    /// The spec written back the way it is parsed.
    public var description: String {
        let cost = DurationText.format(nanoseconds: costNanos)
        switch kind {
        case .mixed: return "mixed:\(cost):\(Int((cpuFraction * 100).rounded()))%"
        default: return "\(kind.rawValue):\(cost)"
        }
    }
}
