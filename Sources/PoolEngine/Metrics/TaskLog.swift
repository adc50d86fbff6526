import PoolCore

/// Every task's submission and run, kept while a recording asks for them (`keepTaskEvents`).
///
/// It lives in `PoolState`, so the events are appended where the pool already holds its queue
/// lock to book a submission or a finished task: keeping them adds no lock and no wake-up to a
/// task's way through the pool, and costs a branch when nobody keeps them. The sampler drains
/// them at each sample.
struct TaskLog {
    /// The most events kept between two drains; past it the oldest are dropped and counted, so a
    /// stalled reader cannot make the pool grow without bound.
    static let capacity = 1 << 20

    /// Whether events are kept.
    private(set) var isKeeping = false
    private(set) var events: [TaskEvent] = []
    /// Events dropped because nobody drained them in time.
    private(set) var dropped = 0

    /// Starts or stops keeping events; stopping forgets the undrained ones.
    mutating func keep(_ keep: Bool) {
        isKeeping = keep
        if !keep { events.removeAll() }
    }

    /// Notes that task `tag` entered the queue at `at` (nanoseconds since the pool started).
    @inline(__always)
    mutating func submitted(_ tag: TaskTag, at: UInt64) {
        guard isKeeping else { return }
        append(.submitted(at: at, request: tag.requestID, index: tag.taskIndex))
    }

    /// Notes that task `tag` ran on `slot` from `start` to `end` (since the pool started).
    @inline(__always)
    mutating func ran(_ tag: TaskTag, slot: Int, start: UInt64, end: UInt64, outcome: TaskOutcome) {
        guard isKeeping else { return }
        let word: TaskEvent.Outcome
        switch outcome {
        case .completed: word = .completed
        case .cancelled, .rejected: word = .cancelled
        case .failed: word = .failed
        }
        append(.ran(start: start, end: end, request: tag.requestID, index: tag.taskIndex, slot: slot, outcome: word))
    }

    /// The events kept since the last drain, oldest first.
    mutating func drain() -> [TaskEvent] {
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }

    private mutating func append(_ event: TaskEvent) {
        if events.count >= Self.capacity {
            let removed = events.count / 2
            events.removeFirst(removed)
            dropped += removed
        }
        events.append(event)
    }
}
