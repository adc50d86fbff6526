import PoolCore
import Sizing
import TerminalUI

extension DashboardState {
    /// Applies one message and returns what the runner should do: commands for the engine and
    /// workload, or a sweep to start.
    ///
    /// Keys follow DESIGN.md §3; snapshots update the live observation (the frozen one stays put
    /// while paused); ticks age the command echo; a left click on a slot selects it; sweep
    /// messages feed the `s` overlay.
    /// - Parameter message: what happened.
    /// - Returns: the effects, in order (often none).
    public mutating func update(_ message: DashboardMessage) -> [DashboardEffect] {
        switch message {
        case .key(let key):
            return handle(key)
        case .mouse(let column, let row, let button):
            guard button == 1 else { return [] }
            if let fraction = replayBarFraction(atColumn: column, row: row) { return [.playback(.seek(fraction: fraction))] }
            selectSlot(atColumn: column, row: row)
            return []
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
            return []
        case .tick(let nanos):
            clockNanos = nanos
            hasTicked = true
            lesson?.observe(live, now: nanos)
            if recording != nil, recording?.startedAtNanos == nil { recording?.startedAtNanos = nanos }
            guard commandEcho != nil else { return [] }
            guard let setAt = echoSetAtNanos else {
                echoSetAtNanos = nanos
                return []
            }
            if nanos >= setAt &+ DashboardState.echoLifetimeNanos { commandEcho = nil }
            return []
        case .snapshot(let snapshot):
            receive(snapshot)
            return []
        case .sweepProgressed(let progress):
            receiveSweepProgress(progress)
            return []
        case .sweepFinished(let result):
            receiveSweepResult(result)
            return []
        case .recordingStarted(let name):
            recording = RecordingIndicator(name: name, startedAtNanos: hasTicked ? clockNanos : nil)
            note("recording to \(name)")
            echo("R: recording to \(name)")
            return []
        case .recordingStopped(let failure):
            let name = recording?.name ?? "the recording"
            recording = nil
            if let failure {
                note("recording stopped: \(failure)", severity: .warning)
                echo("recording stopped: \(failure)")
            } else {
                note("recording saved: \(name)")
                echo("R: recording saved to \(name)")
            }
            return []
        case .notice(let text):
            note(text)
            return []
        case .rewind:
            live = PoolObservation()
            frozen = nil
            return []
        case .commandRefused(let reason):
            note(reason, severity: .warning)
            echo(reason)
            return []
        case .sweepFailed(let reason):
            receiveSweepFailure(reason)
            return []
        }
    }

    // MARK: - Snapshots

    private mutating func receive(_ snapshot: PoolSnapshot) {
        live.record(snapshot)
        pending.reconcile(with: snapshot)
        if hasTicked { lesson?.observe(live, now: clockNanos) }
        if isPaused { snapshotsWhilePaused += 1 }
    }

    // MARK: - Mouse

    /// Selects the slot drawn at (`column`, `row`), or clears the selection for any other cell.
    private mutating func selectSlot(atColumn column: Int, row: Int) {
        guard fitsMinimumSize, !isHelpVisible else { return }
        let layout = DashboardLayout(screen: Rect(x: 0, y: 0, width: width, height: height), slots: displayed.snapshot.slots, lesson: lessonFeature,
                                     limiter: displayed.snapshot.limiter != nil)
        selectedSlot = SlotsPanel.slotIndex(atColumn: column, row: row, in: layout.slots, slots: displayed.snapshot.slots)
    }

    /// Where on the replay's progress bar (column, row) is, 0...1; nil off the bar or outside a replay.
    private func replayBarFraction(atColumn column: Int, row: Int) -> Double? {
        guard isReplay, fitsMinimumSize, !isHelpVisible else { return nil }
        let layout = DashboardLayout(screen: Rect(x: 0, y: 0, width: width, height: height), slots: displayed.snapshot.slots, lesson: lessonFeature,
                                     limiter: displayed.snapshot.limiter != nil)
        let bar = HeaderView.replayBar(in: layout.header)
        guard row == bar.y, column >= bar.x, column < bar.maxX, bar.width > 1 else { return nil }
        return Double(column - bar.x) / Double(bar.width - 1)
    }

    // MARK: - Local notes

    /// Adds a line to the events panel, stamped with the engine's latest time.
    mutating func note(_ message: String, severity: DashboardEvent.Severity = .info) {
        localEvents.append(DashboardEvent(elapsedNanos: live.snapshot.elapsedNanos, message: message, severity: severity))
        if localEvents.count > DashboardState.localEventLimit {
            localEvents.removeFirst(localEvents.count - DashboardState.localEventLimit)
        }
    }

    /// Shows `text` in the footer as the last command sent.
    mutating func echo(_ text: String) {
        commandEcho = text
        echoSetAtNanos = hasTicked ? clockNanos : nil
    }

    // MARK: - Pause

    /// Freezes the screen on what it shows now, or thaws it back to the live view.
    mutating func togglePause() {
        if frozen != nil {
            frozen = nil
            note("screen resumed (\(snapshotsWhilePaused) samples while paused)")
            snapshotsWhilePaused = 0
        } else {
            frozen = live
            snapshotsWhilePaused = 0
            note("screen paused; the pool keeps running")
        }
    }

    /// Moves to the next theme.
    mutating func cycleTheme() {
        themeIndex = (themeIndex + 1) % themes.count
        note("theme \(currentTheme.name)")
    }

    /// Opens or closes the help overlay.
    mutating func setHelpVisible(_ visible: Bool) {
        isHelpVisible = visible
    }
}
