import PoolCore

/// One task in the pool's queue: its work, which request it belongs to, and whom to tell when it ends.
///
/// A million of them may wait behind a small cap, so a queued task is kept to 48 bytes inline:
/// the simulated task's drawn cost and CPU share, when it was queued, its request and place in it,
/// and one optional reference to what only some tasks have (a closure to run, an owner to tell).
/// The request's arrival is not kept per task: the pool's request ledger has it from the moment
/// the first task of the request is queued (`PoolState.admit`).
struct Job: Sendable {
    /// What the task does.
    enum Work: Sendable {
        /// Real CPU and/or blocking work of this cost (already drawn; the time scale applies at run time).
        case simulated(TaskSpec, costNanos: UInt64)
        /// A caller's closure (`submit`, `map`).
        case closure(@Sendable () throws -> Void)
    }

    /// What only some tasks carry, out of line: the closure a `submit` runs, and the owner to tell.
    private final class Attachments: Sendable {
        let body: (@Sendable () throws -> Void)?
        let onFinish: (@Sendable (TaskOutcome) -> Void)?

        init(body: (@Sendable () throws -> Void)?, onFinish: (@Sendable (TaskOutcome) -> Void)?) {
            self.body = body
            self.onFinish = onFinish
        }
    }

    /// The drawn cost of a simulated task (0 for a closure).
    private let costNanos: UInt64
    /// The share of the cost spent on CPU (`TaskSpec.cpuFraction`).
    private let cpuShare: Double
    /// When it was submitted, on the monotonic clock.
    let enqueuedAt: UInt64
    private let requestID: Int
    private let attachments: Attachments?
    private let taskIndex: UInt32
    private let fanout: UInt16
    private var retryCount: UInt8 = 0

    /// A task doing `work` for `tag`'s request, queued at `enqueuedAt`; `onFinish` is called once,
    /// on the thread that ended it, when it ends. The tag's request arrival is not kept (see above).
    init(work: Work, tag: TaskTag, enqueuedAt: UInt64, onFinish: (@Sendable (TaskOutcome) -> Void)?) {
        switch work {
        case .simulated(let spec, let cost):
            costNanos = cost
            cpuShare = spec.cpuFraction
            attachments = onFinish.map { Attachments(body: nil, onFinish: $0) }
        case .closure(let body):
            costNanos = 0
            cpuShare = 0
            attachments = Attachments(body: body, onFinish: onFinish)
        }
        self.enqueuedAt = enqueuedAt
        requestID = tag.requestID
        taskIndex = UInt32(clamping: tag.taskIndex)
        fanout = UInt16(clamping: tag.fanout)
    }

    /// What the task does.
    var work: Work {
        if let body = attachments?.body { return .closure(body) }
        let kind: WorkKind = cpuShare >= 1 ? .cpu : cpuShare <= 0 ? .io : .mixed
        return .simulated(TaskSpec(kind: kind, costNanos: costNanos, cpuFraction: cpuShare), costNanos: costNanos)
    }

    /// Whether it is a simulated task (not a closure).
    var isSimulated: Bool { attachments?.body == nil }

    /// The drawn cost of a simulated task, nil for a closure.
    var simulatedCostNanos: UInt64? { isSimulated ? costNanos : nil }

    /// Its request, its place in it and the request's fan-out (the arrival is in the ledger: 0 here).
    var tag: TaskTag {
        TaskTag(requestID: requestID, taskIndex: Int(taskIndex), fanout: Int(fanout))
    }

    /// Called once, on the thread that ended it, when the task ends.
    var onFinish: (@Sendable (TaskOutcome) -> Void)? { attachments?.onFinish }

    /// Times the task was sent again because its worker process died while it ran.
    var retries: Int {
        get { Int(retryCount) }
        set { retryCount = UInt8(clamping: newValue) }
    }
}
