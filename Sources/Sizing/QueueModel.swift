import PoolCore

/// Which queueing model a prediction comes from.
public enum QueueModel: Sendable, Hashable {
    /// M/M/c: random (Poisson) arrivals, exponential service times, `servers` servers; Erlang C.
    case erlangC(servers: Int)
    /// A burst of `tasks` tasks arriving at once on `servers` workers, fixed task times.
    case fluidBurst(tasks: Int, servers: Int)

    /// The short name for a dashboard line: `M/M/4`, `burst 1,000/64`.
    public var shortName: String {
        switch self {
        case .erlangC(let servers): return "M/M/\(servers)"
        case .fluidBurst(let tasks, let servers): return "burst \(GroupedNumber.text(tasks))/\(servers)"
        }
    }

    /// The name for a report: `M/M/4 (Erlang C)`, `burst of 1,000 on 64 workers (fluid)`.
    public var name: String {
        switch self {
        case .erlangC(let servers): return "M/M/\(servers) (Erlang C)"
        case .fluidBurst(let tasks, let servers):
            return "burst of \(GroupedNumber.text(tasks)) on \(servers) worker\(servers == 1 ? "" : "s") (fluid)"
        }
    }
}
