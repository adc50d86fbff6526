import PoolCore

/// A recording played back as a `PoolSource`: the snapshots as they were, at the playhead, which
/// moves with the clock times the speed while playing. Nothing can change a recorded pool, so
/// every `PoolCommand` is refused with a reason; `control(_:)` moves the playhead.
///
/// Reaching the end pauses on the last frame.
public final class ReplaySource: PoolSource {
    private struct Playhead {
        /// Position at `anchorClock`, in nanoseconds from the recording's start.
        var anchorPosition: UInt64 = 0
        var anchorClock: UInt64
        var speed: Double = 1
        var isPlaying = true
        /// The sample shown last, so that a loop can be handed every sample it passed.
        var lastSample: Int?
    }

    /// The recording played.
    public let recording: Recording
    private let clock: any FrameClock
    private let playhead: LockedValue<Playhead>

    /// Plays `recording` from its start on `clock` (paused when `playing` is false).
    public init(recording: Recording, clock: any FrameClock = SystemClock(), playing: Bool = true) {
        self.recording = recording
        self.clock = clock
        playhead = LockedValue(Playhead(anchorClock: clock.nowNanos, isPlaying: playing))
    }

    // MARK: - The playhead

    /// Where the playhead is now, in nanoseconds from the recording's start.
    public var positionNanos: UInt64 {
        let now = clock.nowNanos
        return playhead.withLock { position(of: &$0, at: now) }
    }

    /// Carries out a replay key.
    public func control(_ command: PlaybackCommand) {
        let now = clock.nowNanos
        let duration = recording.durationNanos
        playhead.withLock { head in
            let current = position(of: &head, at: now)
            head.anchorClock = now
            switch command {
            case .togglePlaying:
                if !head.isPlaying, current >= duration { head.anchorPosition = 0 } else { head.anchorPosition = current }
                head.isPlaying.toggle()
            case .step(let samples):
                let index = recording.sampleIndex(atPosition: current)
                let target = min(recording.samples.count - 1, max(0, index + samples))
                head.anchorPosition = recording.samples[target].nanos &- recording.startNanos
                head.isPlaying = false
            case .skip(let nanos):
                head.anchorPosition = nanos < 0 ? current &- min(current, nanos.magnitude) : min(duration, current &+ UInt64(nanos))
            case .seek(let fraction):
                head.anchorPosition = UInt64(Double(duration) * min(1, max(0, fraction)))
            case .changeSpeed(let factor):
                head.anchorPosition = current
                head.speed = PoolLimits.clampTimeScale(head.speed * factor)
            case .toStart:
                head.anchorPosition = 0
            case .toEnd:
                head.anchorPosition = duration
                head.isPlaying = false
            }
        }
    }

    /// The snapshots from the last one handed out to the one at the playhead, in order: every
    /// sample a loop passed while playing forward, so that graphs miss nothing; after a jump (a
    /// seek, a step back), the samples of the last `history` nanoseconds before the playhead.
    /// - Returns: the snapshots, and whether the loop must forget what it drew before (a jump).
    public func snapshotsSinceLastCall(history: UInt64) throws(RecordingError) -> (snapshots: [PoolSnapshot], jumped: Bool) {
        let now = clock.nowNanos
        let (target, previous) = playhead.withLock { head -> (Int, Int?) in
            let index = recording.sampleIndex(atPosition: position(of: &head, at: now))
            defer { head.lastSample = index }
            return (index, head.lastSample)
        }
        let contiguous = previous.map { target >= $0 && target - $0 <= 1_000 } ?? false
        let first: Int
        if contiguous, let previous {
            first = target == previous ? target : previous + 1
        } else {
            let since = recording.samples[target].nanos &- min(recording.samples[target].nanos, history)
            first = recording.samples.firstIndex { $0.nanos >= since } ?? target
        }
        let status = self.status(at: now)
        var snapshots: [PoolSnapshot] = []
        for index in first...target {
            snapshots.append(try recording.snapshot(at: index).withPlayback(status))
        }
        return (snapshots, !contiguous)
    }

    /// Where the replay stands, for the header.
    public var status: PlaybackStatus { status(at: clock.nowNanos) }

    private func status(at now: UInt64) -> PlaybackStatus {
        playhead.withLock { head in
            let position = position(of: &head, at: now)
            return PlaybackStatus(name: recording.name, positionNanos: position, durationNanos: recording.durationNanos,
                                  speed: head.speed, isPlaying: head.isPlaying)
        }
    }

    /// The playhead at `now`; at the end it stops there, paused.
    private func position(of head: inout Playhead, at now: UInt64) -> UInt64 {
        guard head.isPlaying else { return head.anchorPosition }
        let moved = Double(now &- min(now, head.anchorClock)) * head.speed
        let position = min(Double(recording.durationNanos), Double(head.anchorPosition) + moved)
        if position >= Double(recording.durationNanos) {
            head.anchorPosition = recording.durationNanos
            head.anchorClock = now
            head.isPlaying = false
            return recording.durationNanos
        }
        return UInt64(position)
    }

    // MARK: - PoolSource

    /// A replay accepts no command.
    public var capabilities: SourceCapabilities { .watchOnly }

    /// The recorded snapshot at the playhead, with the replay's status.
    public func snapshot(latencyMaxAgeNanos: UInt64) -> PoolSnapshot {
        let now = clock.nowNanos
        let index = playhead.withLock { recording.sampleIndex(atPosition: position(of: &$0, at: now)) }
        return ((try? recording.snapshot(at: index)) ?? PoolSnapshot()).withPlayback(status(at: now))
    }

    /// Refuses: a recorded pool cannot be changed.
    public func perform(_ command: PoolCommand) -> CommandReply {
        let what: String
        switch command {
        case .resize: what = "resize the pool"
        case .switchMode: what = "switch the pool's mode"
        case .setWorkKind: what = "change the kind of work"
        case .setLockEnabled: what = "turn the lock on or off"
        case .setInterpreterLockEnabled: what = "turn the GIL emulation on or off"
        case .killWorker: what = "kill a worker"
        case .setTimeScale: what = "change the time scale (< and > change the replay's speed)"
        case .fireBurst: what = "fire a burst"
        case .setArrivalsEnabled: what = "turn arrivals on or off"
        case .resetStatistics: what = "reset the statistics"
        case .setCriticalSection: what = "change the critical section"
        case .setRejectPolicy: what = "change what a full queue does"
        case .setLimiter: what = "turn a limiter on or off"
        }
        return .refused(reason: "a replay cannot \(what)")
    }

    public var recentEvents: [PoolEvent] { snapshot(latencyMaxAgeNanos: 0).events }

    /// A replay keeps no new task events: nothing runs.
    public func keepTaskEvents(_ keep: Bool) {}

    /// None: nothing runs in a replay (the recorded ones are in `recording.taskEvents()`).
    public func takeTaskEvents() -> [TaskEvent] { [] }

    /// Nothing to stop: a replay holds no thread or process.
    public func stop() {}
}
