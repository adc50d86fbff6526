import Dashboard
import NcursesBackend
import PoolCore
import PoolEngine
import Sessions
import TerminalUI

/// Wires a source to the terminal: keys in, commands out to the source, a snapshot and a frame
/// on every tick of the frame loop. The source runs on its own threads and never waits for it.
struct DashboardRunner {
    let terminal: TerminalSession
    let session: LiveSession
    let themes: [Theme]
    let themeIndex: Int
    let fps: Int

    /// Runs until `q` or a quit signal. Returns the exit status: 0 for `q`, 128 + the signal otherwise.
    func run() -> Int32 {
        let sweeps = Mailbox<DashboardMessage>()
        session.start()
        defer {
            sweeps.close()
            session.stop()
        }
        let size = terminal.size
        var state = DashboardState(width: size.width, height: size.height, themes: themes, themeIndex: themeIndex,
                                   availableModes: session.capabilities.modes)
        var status: Int32 = 0
        FrameLoop(clock: SystemClock(), framesPerSecond: fps).run(frame: { now in
            if let signal = terminal.quitSignal { status = 128 + signal; return false }
            for message in sweeps.take() { _ = state.update(message) }
            _ = state.update(.snapshot(session.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)))
            _ = state.update(.tick(nanos: now))
            terminal.draw(state.frame())
            return true
        }, idle: { timeout in
            if let signal = terminal.quitSignal { status = 128 + signal; return .stop }
            guard let event = terminal.nextEvent(timeout: timeout) else { return .keepGoing }
            for effect in state.update(DashboardMessage(event)) {
                switch effect {
                case .quit:
                    return .stop
                case .command(let command):
                    if case .refused(let reason) = session.perform(command) { _ = state.update(.commandRefused(reason: reason)) }
                case .startSweep(let request):
                    QuickSweep.start(caps: request.caps, copying: session, report: { sweeps.post(DashboardMessage($0)) },
                                     isCancelled: { sweeps.isClosed })
                }
            }
            if case .resize = event { return .drawNow }
            return .keepGoing
        })
        return status
    }
}
