import Dashboard
import Foundation
import NcursesBackend
import PoolEngine
import PoolCore
import Sessions
import Workload

/// What `pooltop bench frame-probe` does on the pseudo-terminal `pooltop bench` gives it: opens a
/// real ncurses session, runs the classic bursts in a live session, measures frames, then the
/// loop's CPU share at each frame rate, not recording and recording, and writes a
/// `BenchFrameReport` as JSON on fd 3.
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
        // Each rate not recording, then at once recording (as `R` does, into a temporary file): the
        // graphs' history grows while the probe runs, and fuller graphs cost more to draw, so the
        // two figures compared are taken side by side.
        let path = NSTemporaryDirectory() + "pooltop-bench-frames-\(getpid()).rec"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var shares: [BenchFrameReport.CPUShare] = []
        for fps in rates {
            shares.append(loop.measureCPUShare(fps: fps, seconds: seconds, state: &state))
            let recorder = try Recorder(path: path, source: live, header: RecordingHeader(recording: live))
            shares.append(loop.measureCPUShare(fps: fps, seconds: seconds, state: &state, recorder: recorder))
            if let failure = recorder.stop() { throw failure }
        }
        let report = BenchFrameReport(
            width: size.width, height: size.height,
            snapshotMicros: costs.snapshot, buildMicros: costs.build, drawMicros: costs.draw, totalMicros: costs.total,
            bytesPerFrame: 0, cpuShares: shares
        )
        _ = Subprocess.writeAll(Array(try JSONEncoder().encode(report)), to: 3)
    }

    /// The hidden entry `pooltop bench frame-probe --frames N --seconds S --fps 10,30 --term T`,
    /// which `pooltop bench` runs on a pseudo-terminal (dispatched before the argument parser, as
    /// `pooltop worker` is). Returns the exit status.
    public static func main(arguments: [String]) -> Int32 {
        var options: [String: String] = [:]
        var index = 0
        while index + 1 < arguments.count {
            options[arguments[index]] = arguments[index + 1]
            index += 2
        }
        setenv("TERM", options["--term"] ?? "xterm-256color", 1)
        let probe = BenchFrameProbe(frames: options["--frames"].flatMap(Int.init) ?? 200,
                                    seconds: options["--seconds"].flatMap(Double.init) ?? 3,
                                    rates: (options["--fps"] ?? "10,30").split(separator: ",").compactMap { Int($0) })
        do {
            let session = try TerminalSession.open(colorMode: .always)
            defer { session.close() }
            try probe.run(on: session)
            return 0
        } catch {
            FileHandle.standardError.write(Data("pooltop bench frame-probe: \(error)\n".utf8))
            return 1
        }
    }
}
