import Dashboard
import PoolCore
import Sessions
import TerminalUI

/// One frame of a recording as the live screen drew it (`replay --render-at`): a fresh dashboard
/// fed every recorded snapshot up to the moment, in order, so the graphs have the history they had.
/// It shows no replay header: the frame is the one the audience saw, for tests and slides.
public enum ReplayFrame {
    /// The frame at `positionNanos` from the recording's start.
    public static func render(_ recording: Recording, atPosition positionNanos: UInt64, width: Int, height: Int,
                              themes: [Theme], themeIndex: Int) throws(RecordingError) -> CellBuffer {
        var state = DashboardState(width: width, height: height, themes: themes, themeIndex: themeIndex)
        for index in 0...recording.sampleIndex(atPosition: positionNanos) {
            _ = state.update(.snapshot(try recording.snapshot(at: index)))
        }
        return state.frame()
    }
}
