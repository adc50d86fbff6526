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
    @OptionGroup var frame: FrameOptions

    @Option(help: ArgumentHelp("Let the scenario run this long before the frame is taken.", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var after: Duration = Duration(nanoseconds: 2_000_000_000)

    func validate() throws {
        try scenario.requireOneLimiter()
    }

    func run() throws {
        guard scenario.mode != .celery else { throw ValidationError("render runs pooltop's own pool; --mode celery is for the dashboard and run") }
        let (themes, index) = try appearance.loadThemes()
        let live = LiveSession(configuration: scenario.configuration, scenario: scenario.scenario(repeating: true))
        appearance.print(LiveFrame.render(live, afterNanos: after.nanoseconds, width: frame.width, height: frame.height,
                                          themes: themes, themeIndex: index), ansi: frame.ansi)
    }
}
