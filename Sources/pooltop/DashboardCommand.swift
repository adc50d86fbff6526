import ArgumentParser
import Dashboard
import PoolCore
import Foundation
import NcursesBackend
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

    func run() throws {
        let (themes, index) = try appearance.loadThemes { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let session: TerminalSession
        do {
            session = try TerminalSession.open(colorMode: appearance.color)
        } catch {
            FileHandle.standardError.write(Data("pooltop: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let live = LiveSession(configuration: scenario.configuration, scenario: scenario.scenario(repeating: true), arrivalsEnabled: arrivals)
        let runner = DashboardRunner(terminal: session, session: live, themes: themes, themeIndex: index, fps: fps)
        let status = runner.run()
        session.close()
        if status != 0 { throw ExitCode(status) }
    }
}
