import PoolCore

/// What `DashboardState.update(_:)` asks the runner to do: a command for the pool or the workload,
/// or a sweep to start in the background.
public enum DashboardEffect: Sendable, Hashable {
    /// A command for the engine or the workload.
    case command(PoolCommand)
    /// Stop everything and leave (`q`, Ctrl-C).
    case quit
    /// Start recording to a new file, or stop the recording under way (`R`).
    case toggleRecording
    /// Move the playhead of the recording being replayed.
    case playback(PlaybackCommand)
    /// Show the next of a watched program's pools (Tab).
    case nextPool
    /// Run a quick sweep on a copy of the scenario, in its own pool, and report back with
    /// `.sweepProgressed` and `.sweepFinished` messages.
    case startSweep(SweepRequest)
    /// Start `lesson` (chosen from the `L` list): its scenario in a new live session.
    case openLesson(Lesson)

    /// The pool or workload command, if this is one.
    public var command: PoolCommand? {
        if case .command(let command) = self { return command }
        return nil
    }
}
