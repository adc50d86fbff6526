import ArgumentParser
import CPoolSupport
import Dashboard
import Foundation
import NcursesBackend
import PoolCore
import PoolEngine
import Workload

/// `pooltop bench frame-probe` (hidden): what `pooltop bench` runs on a pseudo-terminal to
/// measure the dashboard's cost. It opens a real ncurses session on its terminal, runs the
/// classic bursts on a thread pool, measures frames, then the loop's CPU share at each frame
/// rate, and writes a `BenchFrameReport` as JSON on fd 3.
struct BenchFrameProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame-probe",
        abstract: "Measure the dashboard's frame cost on this terminal (run by pooltop bench on a pseudo-terminal).",
        shouldDisplay: false
    )

    @Option(help: "Frames to measure, 10 ms apart.")
    var frames: Int = 200

    @Option(help: "Seconds to run the loop at each frame rate.")
    var seconds: Double = 3

    @Option(help: "Frame rates whose CPU share to measure, comma-separated.")
    var fps: String = "10,30"

    @Option(help: "The terminal type to draw for.")
    var term: String = "xterm-256color"

    func run() throws {
        setenv("TERM", term, 1)
        let session = try TerminalSession.open(colorMode: .always)
        defer { session.close() }
        let pool = WorkerPool(configuration: PoolConfiguration())
        // The classic demo's bursts, one every 2.5 s so that one is always running.
        let scenario = Scenario(bursts: nil, intervalNanos: 2_500_000_000)
        let driver = ScenarioDriver(scenario: scenario, sink: pool, arrivalsEnabled: true)
        _ = ThreadLauncher.start { driver.run() }
        defer {
            driver.stop()
            pool.terminate()
        }
        let size = session.size
        var state = DashboardState(width: size.width, height: size.height)
        var loop = BenchFrameLoop(session: session, pool: pool, driver: driver)
        let costs = loop.measureFrames(frames, state: &state)
        let rates = fps.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let shares = rates.map { loop.measureCPUShare(fps: $0, seconds: seconds, state: &state) }
        let report = BenchFrameReport(
            width: size.width, height: size.height,
            snapshotMicros: costs.snapshot, buildMicros: costs.build, drawMicros: costs.draw, totalMicros: costs.total,
            bytesPerFrame: 0, cpuShares: shares
        )
        let data = try JSONEncoder().encode(report)
        BenchSubprocess.writeAll(Array(data), to: 3)
    }
}
