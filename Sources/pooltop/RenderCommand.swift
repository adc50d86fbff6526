import ArgumentParser
import DashboardLoop
import Foundation
import Sessions

/// `pooltop render`: one frame of the dashboard as text, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one dashboard frame as plain text (or with --ansi, with colors), without a terminal.",
        discussion: "Runs the scenario for --after first so the graphs have history. The same view code as the live screen."
    )

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var appearance: AppearanceOptions

    @Option(help: "Columns of the frame.")
    var width: Int = 120

    @Option(help: "Rows of the frame.")
    var height: Int = 40

    @Option(help: ArgumentHelp("Let the scenario run this long before the frame is taken.", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var after: Duration = Duration(nanoseconds: 2_000_000_000)

    @Flag(help: "Include colors and attributes as ANSI escape sequences.")
    var ansi = false

    func validate() throws {
        guard (1...1000).contains(width), (1...500).contains(height) else {
            throw ValidationError("--width must be 1...1000 and --height 1...500, got \(width)×\(height)")
        }
    }

    func run() throws {
        let (themes, index) = try appearance.loadThemes()
        let live = LiveSession(configuration: scenario.configuration, scenario: scenario.scenario(repeating: true))
        appearance.print(LiveFrame.render(live, afterNanos: after.nanoseconds, width: width, height: height, themes: themes, themeIndex: index),
                         ansi: ansi)
    }
}
