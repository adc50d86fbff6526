import PoolCore
import PoolEngine

/// Keeps a run in a file while it goes on (`--record`, the `R` key): the loop that draws or samples
/// offers it each snapshot; it keeps one every `sampleIntervalNanos` of pool time, with the task
/// events the source kept since, and a thread of its own encodes and writes them. A failed write
/// stops the recording and says why (`failure`); it never stops the source.
public final class Recorder: Sendable {
    private struct Pending {
        var samples: [(PoolSnapshot, [TaskEvent])] = []
        var commands: [(RecordedCommand, UInt64)] = []
        var stopping = false
        var failure: RecordingError?
        var finished = false
        var lastOffered: UInt64?
        var firstNanos: UInt64?
        var lastNanos: UInt64?
    }

    /// The file being written.
    public let path: String
    /// Pool time between two kept snapshots (0 keeps every snapshot offered).
    public let sampleIntervalNanos: UInt64
    private let source: any PoolSource
    private let pending = LockedValue(Pending())
    /// Wakes the writer thread (new lines, or stop).
    private let wake = WakeSignal()
    /// Tells `stop` the writer thread has finished.
    private let done = WakeSignal()

    /// Starts recording `source` into `path` (gzip-compressed when it ends in `.gz`): writes the
    /// header and starts the writer thread.
    /// - Throws: when the file cannot be created (nothing is recorded then).
    public init(path: String, source: any PoolSource, header: RecordingHeader) throws(RecordingError) {
        self.path = path
        self.source = source
        self.sampleIntervalNanos = header.sampleIntervalNanos
        let writer = try RecordingWriter(path: path, header: header)
        source.keepTaskEvents(true)
        let started = ThreadLauncher.start(stackBytes: 512 * 1024) { [self] in writeLoop(writer) }
        if !started {
            source.keepTaskEvents(false)
            throw RecordingError(file: path, line: nil, reason: "the system refused a thread to write it")
        }
    }

    /// Takes `snapshot` if a sample is due (or `force`), with the task events the source kept.
    public func offer(_ snapshot: PoolSnapshot, force: Bool = false) {
        let due = pending.withLock { state -> Bool in
            guard !state.stopping, state.failure == nil else { return false }
            if !force, let last = state.lastOffered, snapshot.elapsedNanos < last &+ sampleIntervalNanos { return false }
            state.lastOffered = snapshot.elapsedNanos
            return true
        }
        guard due else { return }
        let tasks = source.takeTaskEvents()
        pending.withLock { $0.samples.append((snapshot, tasks)) }
        wake.signal()
    }

    /// Notes a command sent to the source and its reply, at pool time `atNanos`.
    public func note(_ command: PoolCommand, reply: CommandReply, atNanos: UInt64) {
        pending.withLock { state in
            guard !state.stopping, state.failure == nil else { return }
            state.commands.append((RecordedCommand(command: command, reply: reply), atNanos))
        }
        wake.signal()
    }

    /// Why recording stopped on its own (a failed write), if it did.
    public var failure: RecordingError? { pending.withLock { $0.failure } }

    /// Pool time recorded so far, from the first kept snapshot to the newest.
    public var recordedNanos: UInt64 {
        pending.withLock { state in
            guard let first = state.firstNanos, let last = state.lastNanos else { return 0 }
            return last &- first
        }
    }

    /// Writes what is still pending, closes the file and stops keeping task events.
    /// - Returns: the failure that stopped recording, if one did.
    @discardableResult
    public func stop() -> RecordingError? {
        pending.withLock { $0.stopping = true }
        wake.signal()
        while !pending.withLock({ $0.finished }) { done.wait(timeoutNanos: 100_000_000) }
        source.keepTaskEvents(false)
        return failure
    }

    // MARK: - The writer thread

    private func writeLoop(_ writer: RecordingWriter) {
        var lastFlush = MonotonicClock.now()
        while true {
            let (samples, commands, stopping) = pending.withLock { state in
                defer {
                    state.samples.removeAll(keepingCapacity: true)
                    state.commands.removeAll(keepingCapacity: true)
                }
                return (state.samples, state.commands, state.stopping)
            }
            do throws(RecordingError) {
                for (command, at) in commands { try writer.writeCommand(command, at: at) }
                for (snapshot, tasks) in samples {
                    try writer.writeSample(snapshot, tasks: tasks)
                    pending.withLock { state in
                        if state.firstNanos == nil { state.firstNanos = snapshot.elapsedNanos }
                        state.lastNanos = snapshot.elapsedNanos
                    }
                }
                if stopping {
                    try writer.close()
                } else if MonotonicClock.now() &- lastFlush >= 1_000_000_000 {
                    try writer.flush()
                    lastFlush = MonotonicClock.now()
                }
            } catch {
                _ = try? writer.close()
                pending.withLock { state in
                    state.failure = error
                    state.stopping = true
                    state.finished = true
                }
                source.keepTaskEvents(false)
                done.signal()
                return
            }
            if stopping {
                pending.withLock { $0.finished = true }
                done.signal()
                return
            }
            wake.wait(timeoutNanos: 200_000_000)
        }
    }
}
