/// One task's life as a recording keeps it: submitted to the queue, then run on a slot from start
/// to end with an outcome. Enough to draw every task as a span on its slot's track.
///
/// Written as a compact JSON array, since a busy pool makes thousands a second:
/// `["s", at, request, index]` for a submission and `["r", start, end, request, index, slot, outcome]`
/// for a run, times in nanoseconds since the pool started.
public enum TaskEvent: Sendable, Hashable, Codable {
    /// Task `index` of `request` entered the queue at `at`.
    case submitted(at: UInt64, request: Int, index: Int)
    /// Task `index` of `request` ran on `slot` from `start` to `end` and ended as `outcome`.
    case ran(start: UInt64, end: UInt64, request: Int, index: Int, slot: Int, outcome: Outcome)

    /// How a run ended, in a word.
    public enum Outcome: String, Sendable, Hashable, Codable {
        case completed, failed, cancelled
    }

    /// When it happened (a run: when it started), in nanoseconds since the pool started.
    public var atNanos: UInt64 {
        switch self {
        case .submitted(let at, _, _): return at
        case .ran(let start, _, _, _, _, _): return start
        }
    }

    public init(from decoder: any Decoder) throws {
        var array = try decoder.unkeyedContainer()
        switch try array.decode(String.self) {
        case "s":
            self = .submitted(at: try array.decode(UInt64.self), request: try array.decode(Int.self), index: try array.decode(Int.self))
        case "r":
            self = .ran(start: try array.decode(UInt64.self), end: try array.decode(UInt64.self), request: try array.decode(Int.self),
                        index: try array.decode(Int.self), slot: try array.decode(Int.self), outcome: try array.decode(Outcome.self))
        case let other:
            throw DecodingError.dataCorruptedError(in: array, debugDescription: "a task event is \"s\" or \"r\", not \"\(other)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var array = encoder.unkeyedContainer()
        switch self {
        case .submitted(let at, let request, let index):
            try array.encode("s")
            try array.encode(at)
            try array.encode(request)
            try array.encode(index)
        case .ran(let start, let end, let request, let index, let slot, let outcome):
            try array.encode("r")
            try array.encode(start)
            try array.encode(end)
            try array.encode(request)
            try array.encode(index)
            try array.encode(slot)
            try array.encode(outcome)
        }
    }
}
