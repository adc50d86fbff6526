import PoolCore
import Sizing
import TerminalUI

/// Everything that can happen to the dashboard: the one input of `DashboardState.update(_:)`.
public enum DashboardMessage: Equatable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// A mouse button was pressed at a cell (0-based); `button` 1 is the left button.
    case mouse(column: Int, row: Int, button: Int)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Time passed: `nanos` is the runner's monotonic clock now, in nanoseconds.
    case tick(nanos: UInt64)
    /// The engine published a new snapshot.
    case snapshot(PoolSnapshot)
    /// The background sweep measured more (sent by the runner while it runs).
    case sweepProgressed(SweepProgress)
    /// The background sweep finished with this result.
    case sweepFinished(SweepResult)
    /// Recording started, into the file called `name`.
    case recordingStarted(name: String)
    /// Recording stopped: asked to, or on its own with `failure` saying why.
    case recordingStopped(failure: String?)
    /// The replay jumped (a seek, a step back): forget the graphs' history; the snapshots that follow
    /// start it again.
    case rewind
    /// Something the user should know, for the events list (a replay's skipped tail).
    case notice(String)
    /// The source refused a command the dashboard sent, with its one-line reason.
    case commandRefused(reason: String)
    /// The background sweep ended without a result (it could not start, or measured nothing).
    case sweepFailed(reason: String)
}

extension DashboardMessage {
    /// The message for something the terminal reported.
    public init(_ event: InputEvent) {
        switch event {
        case .key(let key): self = .key(key)
        case .mouse(let column, let row, let button): self = .mouse(column: column, row: row, button: button)
        case .resize(let width, let height): self = .resize(width: width, height: height)
        }
    }
}
