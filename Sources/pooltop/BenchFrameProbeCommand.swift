import ArgumentParser
import Bench
import Foundation
import NcursesBackend

/// `pooltop bench frame-probe` (hidden): what `pooltop bench` runs on a pseudo-terminal to
/// measure the dashboard's cost (see `BenchFrameProbe`).
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
        let rates = fps.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        try BenchFrameProbe(frames: frames, seconds: seconds, rates: rates).run(on: session)
    }
}
