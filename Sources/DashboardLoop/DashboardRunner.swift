import Dashboard
import Foundation
import NcursesBackend
import PoolCore
import PoolEngine
import Sessions
import TerminalUI

/// Puts a source on the terminal: keys in, commands out to the source, a snapshot and a frame on
/// every tick of the frame loop. The source runs on its own threads and never waits for it.
///
/// A live source can be recorded (`--record`, `R`) and swept (`s`); a replay's playhead follows
/// the replay keys, and every sample it passes reaches the graphs.
public struct DashboardRunner {
    /// What the screen shows.
    public enum Source {
        /// The live engine under a scenario.
        case live(LiveSession)
        /// A recording played back.
        case replay(ReplaySource)
        /// A real Python program's pools, through the probe; with `exitWithProgram`, the loop ends
        /// when the program does (otherwise its last frame stays until `q`).
        case watched(WatchSession, exitWithProgram: Bool)
        /// A Celery cluster under a scenario, through the bridge.
        case celery(CelerySession)
    }

    /// How the loop ended.
    public struct Outcome: Sendable {
        /// The exit status: 0 for `q`, 128 + the signal for a quit signal, 1 for a failure.
        public var status: Int32
        /// What to tell the user once the terminal is back (a recording saved, a damaged replay).
        public var messages: [String]
        /// The lesson chosen from the `L` list: the loop ended to start its scenario.
        public var nextLesson: Lesson?
        /// The theme in use when the loop ended (the next lesson keeps it).
        public var themeIndex = 0
    }

    let terminal: TerminalSession
    let source: Source
    let themes: [Theme]
    let themeIndex: Int
    let fps: Int
    let recordPath: String?
    let notice: String?
    let lessons: LessonSetup?

    /// A runner for `source` on `terminal`, drawing `fps` frames a second with `themes` (starting
    /// at `themeIndex`); with `recordPath`, recording into that file starts at once; `notice` goes
    /// to the events list first.
    public init(terminal: TerminalSession, source: Source, themes: [Theme], themeIndex: Int, fps: Int, recordPath: String? = nil,
                notice: String? = nil, lessons: LessonSetup? = nil) {
        self.notice = notice
        self.lessons = lessons
        self.terminal = terminal
        self.source = source
        self.themes = themes
        self.themeIndex = themeIndex
        self.fps = fps
        self.recordPath = recordPath
    }

    /// How much recorded time a replay shows in its graphs after a jump.
    static let replayHistoryNanos: UInt64 = 60_000_000_000

    private var pool: any PoolSource {
        switch source {
        case .live(let live): return live
        case .replay(let replay): return replay
        case .watched(let session, _): return session
        case .celery(let session): return session
        }
    }

    /// Runs until `q`, a quit signal or a failure.
    public func run() -> Outcome {
        let sweeps = Mailbox<DashboardMessage>()
        var recorder: Recorder?
        var outcome = Outcome(status: 0, messages: [])
        if case .live(let live) = source { live.start() }
        if case .celery(let session) = source { session.start() }
        let size = terminal.size
        var footerNote: String?
        if case .watched(let session, _) = source { footerNote = "output: " + session.outputPath }
        var state = DashboardState(width: size.width, height: size.height, themes: themes, themeIndex: themeIndex,
                                   availableModes: pool.capabilities.modes, acceptedCommands: pool.capabilities.commands,
                                   footerNote: footerNote, lessons: lessons?.lessons ?? [], lesson: lessons?.opening)
        if let notice { _ = state.update(.notice(notice)) }
        if let recordPath {
            do throws(RecordingError) {
                recorder = try startRecording(into: recordPath, state: &state)
            } catch {
                pool.stop()
                return Outcome(status: 1, messages: ["pooltop: cannot record: \(error)"])
            }
        }
        FrameLoop(clock: SystemClock(), framesPerSecond: fps).run(frame: { now in
            if let signal = terminal.quitSignal { outcome.status = 128 + signal; return false }
            if case .watched(let session, true) = source, session.programExit != nil { return false }
            for message in sweeps.take() { _ = state.update(message) }
            do throws(RecordingError) {
                for snapshot in try snapshots(state: &state) {
                    _ = state.update(.snapshot(snapshot))
                    recorder?.offer(snapshot)
                }
            } catch {
                outcome = Outcome(status: 1, messages: ["pooltop: \(error)"])
                return false
            }
            if let failure = recorder?.failure {
                recorder = nil
                _ = state.update(.recordingStopped(failure: failure.description))
            }
            _ = state.update(.tick(nanos: now))
            terminal.draw(state.frame())
            return true
        }, idle: { timeout in
            if let signal = terminal.quitSignal { outcome.status = 128 + signal; return .stop }
            guard let event = terminal.nextEvent(timeout: timeout) else { return .keepGoing }
            for effect in state.update(DashboardMessage(event)) {
                switch effect {
                case .quit:
                    return .stop
                case .openLesson(let lesson):
                    outcome.nextLesson = lesson
                    outcome.themeIndex = state.themeIndex
                    return .stop
                case .command(let command):
                    let reply = pool.perform(command)
                    recorder?.note(command, reply: reply, atNanos: state.live.snapshot.elapsedNanos)
                    if case .refused(let reason) = reply { _ = state.update(.commandRefused(reason: reason)) }
                case .startSweep(let request):
                    guard case .live(let live) = source else {
                        _ = state.update(.sweepFailed(reason: "the sweep runs pooltop's own pool: it needs a live session"))
                        continue
                    }
                    QuickSweep.start(caps: request.caps, copying: live, report: { sweeps.post(DashboardMessage($0)) },
                                     isCancelled: { sweeps.isClosed })
                case .toggleRecording:
                    if let running = recorder {
                        recorder = nil
                        let failure = running.stop()
                        _ = state.update(.recordingStopped(failure: failure?.description))
                        outcome.messages.append(Self.stopped(running, failure: failure))
                    } else {
                        do throws(RecordingError) {
                            recorder = try startRecording(into: RecordingHeader.defaultFileName(), state: &state)
                        } catch {
                            _ = state.update(.commandRefused(reason: "cannot record: \(error)"))
                        }
                    }
                case .playback(let command):
                    if case .replay(let replay) = source { replay.control(command) }
                case .nextPool:
                    if case .watched(let session, _) = source { session.selectNextPool() }
                }
            }
            if case .resize = event { return .drawNow }
            return .keepGoing
        })
        sweeps.close()
        if let recorder { outcome.messages.append(Self.stopped(recorder)) }
        pool.stop()
        return outcome
    }

    /// The snapshots to show this frame: the source's now, or every sample a replay passed.
    private func snapshots(state: inout DashboardState) throws(RecordingError) -> [PoolSnapshot] {
        switch source {
        case .live(let live):
            return [live.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)]
        case .replay(let replay):
            let (snapshots, jumped) = try replay.snapshotsSinceLastCall(history: Self.replayHistoryNanos)
            if jumped { _ = state.update(.rewind) }
            return snapshots
        case .watched(let session, _):
            return [session.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)]
        case .celery(let session):
            return [session.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)]
        }
    }

    /// Starts recording the live source into `path` (a replay is not recorded again: nil).
    private func startRecording(into path: String, state: inout DashboardState) throws(RecordingError) -> Recorder? {
        guard case .live(let live) = source else { return nil }
        let recorder = try Recorder(path: path, source: live, header: RecordingHeader(recording: live))
        _ = state.update(.recordingStarted(name: path))
        return recorder
    }

    /// What to say once the terminal is back about a recording that ended.
    private static func stopped(_ recorder: Recorder, failure: RecordingError? = nil) -> String {
        let failure = failure ?? recorder.stop()
        if let failure { return "pooltop: recording stopped: \(failure)" }
        return "pooltop: recorded \(DurationText.playhead(nanoseconds: recorder.recordedNanos)) into \(recorder.path)"
    }
}

extension DashboardRunner {
    /// Opens the terminal (keeping a cast in `castPath` if given), runs the dashboard on `source`
    /// until it ends, and gives the terminal back. Without a usable terminal: status 1 and why.
    public static func onTerminal(colorMode: ColorMode, castPath: String?, source: Source, themes: [Theme], themeIndex: Int,
                                  fps: Int, recordPath: String?, notice: String?, lessons: LessonSetup? = nil) -> Outcome {
        let terminal: TerminalSession
        do throws(TerminalSessionError) {
            terminal = try TerminalSession.open(colorMode: colorMode, castPath: castPath)
        } catch {
            if case .watched(let session, _) = source { session.stop() }
            if case .celery(let session) = source { session.stop() }
            return Outcome(status: 1, messages: ["pooltop: \(error)"])
        }
        var outcome = DashboardRunner(terminal: terminal, source: source, themes: themes, themeIndex: themeIndex, fps: fps,
                                      recordPath: recordPath, notice: notice, lessons: lessons).run()
        var messages = outcome.messages
        // A lesson chosen with L: its scenario in a new session, on the same terminal.
        while let next = outcome.nextLesson, var setup = lessons {
            let session: LiveSession
            do {
                session = try setup.session(next)
            } catch {
                messages.append("pooltop: lesson \(next.name): \(error)")
                outcome.status = 1
                break
            }
            setup.opening = next
            outcome = DashboardRunner(terminal: terminal, source: .live(session), themes: themes, themeIndex: outcome.themeIndex, fps: fps,
                                      notice: "lesson \(next.name): \(next.title)", lessons: setup).run()
            messages += outcome.messages
        }
        terminal.close()
        outcome.messages = messages
        return outcome
    }
}
