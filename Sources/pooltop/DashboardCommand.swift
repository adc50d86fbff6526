import ArgumentParser
import Dashboard
import PoolCore
import Foundation
import DashboardLoop
import Sessions

/// `pooltop` (the default): the live dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (the default): a pool under bursts of requests, changed by keys.",
        discussion: KeyBindings.standard.commandLineSummary
    )

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var appearance: AppearanceOptions

    @Option(help: "Frames per second (1...60).")
    var fps: Int = 20

    @Flag(inversion: .prefixedNo, help: "Start with a burst every --interval (--no-arrivals starts quiet: press b for a burst, a for arrivals).")
    var arrivals = true

    mutating func validate() throws {
        guard PoolLimits.fps.contains(fps) else { throw ValidationError("--fps must be between 1 and 60, got \(fps)") }
    }

    @Option(help: ArgumentHelp("Record the run into this file from the start (gzip-compressed when it ends in .gz); R starts and stops recording too.", valueName: "file"))
    var record: String?

    @Option(help: ArgumentHelp("Keep the screen as an asciicast v2 file (asciinema play/cat, or a web player).", valueName: "file.cast"))
    var cast: String?

    func run() throws {
        let live = LiveSession(configuration: scenario.configuration, scenario: scenario.scenario(repeating: true), arrivalsEnabled: arrivals)
        try appearance.runDashboard(.live(live), fps: fps, recordPath: record, castPath: cast)
    }
}
