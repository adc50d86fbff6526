import PoolCore
import Glibc
import Synchronization

/// One worker process: spawned with posix_spawn, fed task frames on its stdin, answering on its
/// stdout, sharing the pool's `SharedRegion` as its fd 3.
///
/// **Threading.** `run`, `close` and `terminate` must be called from one thread at a time: the
/// pool thread that owns this child (the pipes and their buffers are confined to it, so they need
/// no lock). `kill`, `pollExit` and `exit` may be called from any thread: the child's life is
/// guarded by `life`, and a child is only ever reaped with that lock held, so `kill` never signals
/// a pid that has been reaped and perhaps reused.
///
/// **Parent death.** The child asks for SIGKILL when its parent dies (`PR_SET_PDEATHSIG`). Linux
/// delivers it when the *thread* that spawned the child exits, not only the process: spawn each
/// child from a thread that outlives it (the owning pool thread, which closes its child before it
/// exits). The worker also exits at end of input, which covers any other way the parent goes.
///
/// Every path reaps the child: a death noticed by `run`, `close`, `terminate`, and `deinit`.
public final class ChildWorker {
    /// The child's process id.
    public let pid: Int32
    /// Nanoseconds from the posix_spawn call to the `.ready` message arriving here.
    public let startupNanos: UInt64
    /// The same, as the worker measured it when it sent `.ready` (excludes the pipe transit).
    public let reportedStartupNanos: UInt64
    /// How the child ended, once it has been reaped; guarded by the mutex (see the type's notes).
    let life = LockedValue<ChildExit?>(nil)
    /// The write end of the child's stdin, -1 once closed. Owner thread only.
    var input: Int32
    /// The read end of the child's stdout, -1 once closed. Owner thread only.
    var output: Int32
    private var writer: FrameWriter
    private let reader: FrameReader

    /// How long a child may take to announce itself before it is killed, by default.
    public static let defaultReadyTimeoutNanos: UInt64 = 10_000_000_000
    private static let ignoringSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Sets SIGPIPE to ignored in this process, once, so that writing to a dead child's pipe fails
    /// with EPIPE instead of killing pooltop. Every spawn calls it; call it early to be explicit.
    public static func prepareParent() { _ = ignoringSIGPIPE }

    /// Spawns a worker (with `Subprocess.spawn`) and waits until it is ready.
    /// - Parameters:
    ///   - command: the executable and the arguments that select its worker entry.
    ///   - region: the shared region, mapped by the child as its fd 3.
    ///   - iterationsPerNanosecond: the parent's CPU-loop calibration (`CPUBurner`).
    ///   - clockReadNanos: the parent's measure of a look at the thread's CPU clock (`CPUBurner`).
    ///   - readyTimeoutNanos: how long to wait for `.ready` before killing the child.
    ///   - stderr: a descriptor for the child's stderr, or -1 for /dev/null (keeps the screen clean).
    /// - Throws: `.spawnFailed` or `.startupFailed` (the child has been reaped).
    public init(command: WorkerCommand, region: SharedRegion, iterationsPerNanosecond: Double,
                clockReadNanos: UInt64 = CPUBurner.measuredClockReadNanos,
                readyTimeoutNanos: UInt64 = ChildWorker.defaultReadyTimeoutNanos, stderr: Int32 = -1) throws(ChildWorkerError) {
        Self.prepareParent()
        let toChild: (read: Int32, write: Int32), fromChild: (read: Int32, write: Int32)
        do throws(SubprocessError) {
            toChild = try Subprocess.pipe()
            do throws(SubprocessError) {
                fromChild = try Subprocess.pipe()
            } catch {
                Self.closeAll([toChild.read, toChild.write])
                throw error
            }
        } catch {
            throw .spawnFailed(errno: error.code)
        }
        let spawnedAt = MonotonicClock.now()
        let options = WorkerArguments(iterationsPerNanosecond: iterationsPerNanosecond, clockReadNanos: clockReadNanos, parentPID: getpid(), spawnedAt: spawnedAt)
        let spawned: pid_t
        do throws(SubprocessError) {
            spawned = try Subprocess.spawn(command.executablePath, arguments: [command.executablePath] + command.leadingArguments + options.arguments,
                                           stdin: toChild.read, stdout: fromChild.write, fd3: region.fileDescriptor, stderr: stderr)
            Self.closeAll([toChild.read, fromChild.write])
        } catch {
            Self.closeAll([toChild.read, fromChild.write, toChild.write, fromChild.read])
            throw .spawnFailed(errno: error.code)
        }
        pid = spawned
        input = toChild.write
        output = fromChild.read
        writer = FrameWriter(fileDescriptor: input)
        reader = FrameReader(fileDescriptor: output, chunkSize: 16 * 1024)
        do {
            let reported = try Self.awaitReady(reader, deadline: spawnedAt &+ readyTimeoutNanos)
            reportedStartupNanos = reported
            startupNanos = MonotonicClock.now() &- spawnedAt
        } catch {
            // Not a worker, or a worker that failed: make sure it is gone and reaped.
            let exit = Self.forceEnd(pid: spawned, life: life)
            Self.closeAll([toChild.write, fromChild.read])
            input = -1
            output = -1
            guard case .startupFailed(let reason, _) = error else { throw error }
            throw .startupFailed(reason: reason, exit: exit)
        }
    }

    deinit {
        _ = Self.forceEnd(pid: pid, life: life)
        closePipes()
    }

    // MARK: - Running tasks

    /// Runs one task in the child and returns its report (blocking; owner thread only).
    /// - Throws: `.died` with how the child ended (it has been reaped), `.protocolViolation`
    ///   (the child has been killed and reaped), or `.notRunning` after `close`/`terminate`.
    public func run(_ order: TaskOrder) throws(ChildWorkerError) -> TaskReport {
        try start(order)
        return try awaitReport(of: order.id)
    }

    /// Sends `order` without waiting for its report (owner thread only). The worker runs orders in
    /// the order they were sent, so one sent while another runs starts the moment that one ends,
    /// unless its slot is held by then (`SharedRegion.setHold`): it then comes back `.skipped`.
    /// - Throws: `.died` or `.notRunning`, as `run`.
    public func start(_ order: TaskOrder) throws(ChildWorkerError) {
        try send(.task(order))
    }

    /// Waits for the report of the oldest order sent with `start` and not yet answered, whose id is
    /// `id` (blocking; owner thread only).
    /// - Throws: `.died`, `.protocolViolation` (another frame or another task's report) or
    ///   `.notRunning`, as `run`.
    public func awaitReport(of id: UInt64) throws(ChildWorkerError) -> TaskReport {
        let reply = try receive()
        guard case .result(let report) = reply, report.taskID == id else {
            throw brokeProtocol("expected the result of task \(id), got a \(reply.kind) frame")
        }
        return report
    }

    /// Whether bytes from the child have been read and not yet taken as messages (a report that
    /// arrived with the one before it): epoll will not say so.
    public var hasUnreadOutput: Bool { reader.bufferedBytes > 0 }

    /// The reports that have arrived for the orders `ids` (oldest first, as sent), reading at most
    /// once: for a caller that knows the output is readable (epoll) and must not block on it
    /// (owner thread only).
    /// - Returns: the reports in order (fewer than `ids` when the rest have not arrived), and
    ///   whether the output ended or the read failed; `awaitReport` then says how the child ended.
    /// - Throws: `.protocolViolation` (another frame, or another task's report), as `awaitReport`.
    public func arrivedReports(for ids: some Sequence<UInt64>) throws(ChildWorkerError) -> (reports: [TaskReport], ended: Bool) {
        guard output >= 0 else { return ([], true) }
        var reports: [TaskReport] = []
        var hasRead = false
        for id in ids {
            while true {
                let message: WireMessage?
                do {
                    message = try reader.nextBuffered()
                } catch {
                    throw brokeProtocol(error.description)
                }
                if let message {
                    guard case .result(let report) = message, report.taskID == id else {
                        throw brokeProtocol("expected the result of task \(id), got a \(message.kind) frame")
                    }
                    reports.append(report)
                    break
                }
                if hasRead { return (reports, false) }
                hasRead = true
                if reader.readAvailable() <= 0 { return (reports, true) }
            }
        }
        return (reports, false)
    }

    /// Runs `batch` in the child in order, in frames of at most `WireCodec.maxBatchCount` tasks,
    /// and returns the reports in the same order (blocking; owner thread only). If the child dies,
    /// the tasks of the frame in flight have no report: the error is thrown and none are returned.
    public func run(_ batch: [TaskOrder]) throws(ChildWorkerError) -> [TaskReport] {
        guard batch.count > WireCodec.maxBatchCount else { return try runFrame(batch) }
        var reports: [TaskReport] = []
        reports.reserveCapacity(batch.count)
        var start = 0
        while start < batch.count {
            let end = min(batch.count, start + WireCodec.maxBatchCount)
            reports += try runFrame(Array(batch[start..<end]))
            start = end
        }
        return reports
    }

    /// Sends one batch frame and checks that the reply answers it task by task.
    private func runFrame(_ orders: [TaskOrder]) throws(ChildWorkerError) -> [TaskReport] {
        guard !orders.isEmpty else { return [] }
        try send(.batch(orders))
        let reply = try receive()
        guard case .results(let reports) = reply, reports.count == orders.count,
              zip(reports, orders).allSatisfy({ $0.taskID == $1.id }) else {
            throw brokeProtocol("expected the results of a batch of \(orders.count), got a \(reply.kind) frame")
        }
        return reports
    }

    /// Tests only: makes the worker ignore SIGTERM from now on (applied before its next answer).
    func ignoreTerminationSignal() throws(ChildWorkerError) {
        try send(.ignoreTermination)
    }

    /// Writes a frame; a closed pipe means the child died.
    private func send(_ message: WireMessage) throws(ChildWorkerError) {
        guard input >= 0 else { throw .notRunning(pid: pid) }
        do {
            try writer.send(message)
        } catch {
            throw childDied()
        }
    }

    /// Reads the next frame; end of stream (or a stream cut inside a frame) means the child died,
    /// a malformed frame means it broke the protocol.
    private func receive() throws(ChildWorkerError) -> WireMessage {
        guard output >= 0 else { throw .notRunning(pid: pid) }
        let message: WireMessage?
        do {
            message = try reader.next()
        } catch {
            switch error {
            case .truncated, .io: throw childDied()
            default: throw brokeProtocol(error.description)
            }
        }
        guard let message else { throw childDied() }
        return message
    }

    // MARK: - Spawning

    /// Waits for the `.ready` frame until `deadline`; returns the start-up time it reports.
    /// - Throws: `.startupFailed` without an exit (the caller ends the child and adds it).
    private static func awaitReady(_ reader: FrameReader, deadline: UInt64) throws(ChildWorkerError) -> UInt64 {
        var poller = pollfd(fd: reader.fileDescriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let now = MonotonicClock.now()
            guard now < deadline else { throw .startupFailed(reason: "no ready message in time", exit: nil) }
            let rc = poll(&poller, 1, Int32(min(1000, (deadline - now) / 1_000_000 + 1)))
            if rc < 0, errno != EINTR { throw .startupFailed(reason: "poll failed (errno \(errno))", exit: nil) }
            if rc > 0 { break }
        }
        let message: WireMessage?
        do {
            message = try reader.next()
        } catch {
            throw .startupFailed(reason: error.description, exit: nil)
        }
        switch message {
        case .ready(_, let startupNanos): return startupNanos
        case .none: throw .startupFailed(reason: "it closed its output before it was ready", exit: nil)
        case .some(let other): throw .startupFailed(reason: "it sent a \(other.kind) frame instead of ready", exit: nil)
        }
    }
}

// The pipes and buffers are confined to the owning pool thread (documented above); the child's
// life is behind the `life` mutex; everything else is immutable.
extension ChildWorker: @unchecked Sendable {}
