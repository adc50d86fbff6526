import Workload

/// What the frame probe measured at one screen size (its JSON answer on fd 3).
struct BenchFrameReport: Sendable, Hashable, Codable {
    /// The CPU share of the dashboard's loop at one frame rate.
    struct CPUShare: Sendable, Hashable, Codable {
        /// Frames per second asked for.
        var fps: Int
        /// Frames drawn, and over how many seconds of wall time.
        var frames: Int
        var seconds: Double
        /// CPU time of the drawing thread over wall time, in percent of one core.
        var percentOfCore: Double
        /// Whether a recorder took every frame's snapshot, as `R` or `--record` makes the
        /// dashboard do (its writer thread's own CPU is not in the figure).
        var recording = false
    }

    var width: Int
    var height: Int
    /// Per frame, in microseconds: `pool.snapshot()`; the dashboard's update and `frame()`;
    /// ncurses drawing (`TerminalSession.draw`); and all three.
    var snapshotMicros: SampleSummary
    var buildMicros: SampleSummary
    var drawMicros: SampleSummary
    var totalMicros: SampleSummary
    /// Bytes sent to the terminal per frame, on average after the first.
    var bytesPerFrame: Double
    var cpuShares: [CPUShare]

    /// The frame cost the target is about: building plus drawing, median.
    var frameMicros: Double { buildMicros.median + drawMicros.median }

    /// The drawing thread's share at `fps`, recording or not.
    func share(fps: Int, recording: Bool = false) -> CPUShare? {
        cpuShares.first { $0.fps == fps && $0.recording == recording }
    }
}
