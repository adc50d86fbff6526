/// A message between pooltop and a worker process. On the pipe each is one frame:
/// `[u32 length][u8 type][payload]`, little-endian, where `length` counts the type byte and the
/// payload.
public enum WireMessage: Sendable, Hashable {
    /// Parent → worker: run one task and answer with `.result`.
    case task(TaskOrder)
    /// Parent → worker: run these tasks in order and answer with one `.results`.
    case batch([TaskOrder])
    /// Parent → worker, tests only: ignore SIGTERM from now on (to test the SIGKILL escalation).
    case ignoreTermination
    /// Worker → parent, once at start-up: the worker's pid and the nanoseconds from the parent's
    /// spawn call to this message (measured in the worker on the shared monotonic clock).
    case ready(pid: Int32, startupNanos: UInt64)
    /// Worker → parent: the answer to `.task`.
    case result(TaskReport)
    /// Worker → parent: the answer to `.batch`, in the batch's order.
    case results([TaskReport])

    /// The frame type byte of each message.
    enum Kind: UInt8 {
        /// Parent → worker frames.
        case task = 1, batch = 2, ignoreTermination = 3
        /// Worker → parent frames (high bit set).
        case ready = 0x81, result = 0x82, results = 0x83
    }

    /// This message's frame type.
    var kind: Kind {
        switch self {
        case .task: return .task
        case .batch: return .batch
        case .ignoreTermination: return .ignoreTermination
        case .ready: return .ready
        case .result: return .result
        case .results: return .results
        }
    }
}
