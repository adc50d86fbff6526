import Dashboard
import PoolCore
import Sessions
import TerminalUI

/// One frame of a live session as the dashboard would draw it after the session has run for a
/// while (`pooltop render`): the session is sampled ten times a second on the frame loop, so the
/// graphs have the history they have on a live screen.
public enum LiveFrame {
    /// Starts `session`, lets it run `afterNanos`, stops it, and returns the frame.
    public static func render(_ session: LiveSession, afterNanos: UInt64, width: Int, height: Int,
                              themes: [Theme], themeIndex: Int) -> CellBuffer {
        session.start()
        var state = DashboardState(width: width, height: height, themes: themes, themeIndex: themeIndex,
                                   availableModes: session.capabilities.modes)
        let clock = SystemClock()
        let end = clock.nowNanos + afterNanos
        FrameLoop(clock: clock, framesPerSecond: 10).run(frame: { now in
            _ = state.update(.snapshot(session.snapshot(latencyMaxAgeNanos: 0)))
            _ = state.update(.tick(nanos: now))
            return now < end
        }, idle: { _ in
            clock.sleep(until: min(end, clock.nowNanos + 100_000_000))
            return clock.nowNanos >= end ? .drawNow : .keepGoing
        })
        session.stop()
        return state.frame()
    }
}
