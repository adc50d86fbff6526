import Dashboard
import Foundation
import NcursesBackend
import PoolEngine
import PoolCore
import Sessions
import Workload

/// What `pooltop bench frame-probe` does on the pseudo-terminal `pooltop bench` gives it: opens a
/// real ncurses session, runs the classic bursts in a live session, measures frames, then the
/// loop's CPU share at each frame rate, and writes a `BenchFrameReport` as JSON on fd 3.
public struct BenchFrameProbe {
    /// Frames to measure, 10 ms apart.
    public var frames: Int
    /// Seconds to run the loop at each frame rate.
    public var seconds: Double
    /// Frame rates whose CPU share to measure.
    public var rates: [Int]

    /// A probe of `frames` frames, then `seconds` at each of `rates`.
    public init(frames: Int, seconds: Double, rates: [Int]) {
        self.frames = frames
        self.seconds = seconds
        self.rates = rates
    }

    /// Measures on `terminal` and writes the report to fd 3.
    public func run(on terminal: TerminalSession) throws {
        // The classic demo's bursts, one every 2.5 s so that one is always running.
        let live = LiveSession(configuration: PoolConfiguration(), scenario: Scenario(bursts: nil, intervalNanos: 2_500_000_000))
        live.start()
        defer { live.stop() }
        let size = terminal.size
        var state = DashboardState(width: size.width, height: size.height, availableModes: live.capabilities.modes)
        let loop = BenchFrameLoop(session: terminal, source: live, clock: SystemClock())
        let costs = loop.measureFrames(frames, state: &state)
        let shares = rates.map { loop.measureCPUShare(fps: $0, seconds: seconds, state: &state) }
        let report = BenchFrameReport(
            width: size.width, height: size.height,
            snapshotMicros: costs.snapshot, buildMicros: costs.build, drawMicros: costs.draw, totalMicros: costs.total,
            bytesPerFrame: 0, cpuShares: shares
        )
        _ = Subprocess.writeAll(Array(try JSONEncoder().encode(report)), to: 3)
    }
}
