import ArgumentParser
import Dashboard
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
    @OptionGroup var screen: ScreenOptions

    @Flag(inversion: .prefixedNo, help: "Start with a burst every --interval (--no-arrivals starts quiet: press b for a burst, a for arrivals).")
    var arrivals = true

    @Option(help: ArgumentHelp("Record the run into this file from the start (gzip-compressed when it ends in .gz); R starts and stops recording too.", valueName: "file"))
    var record: String?

    func validate() throws {
        try scenario.requireOneLimiter()
    }

    func run() throws {
        let source: DashboardRunner.Source = scenario.mode == .celery ? .celery(try scenario.celerySession(repeating: true, arrivals: arrivals))
            : .live(LiveSession(configuration: scenario.configuration, scenario: scenario.scenario(repeating: true), arrivalsEnabled: arrivals))
        let lessons = LessonCatalog(directories: LessonCatalog.standardDirectories()).lessons
        try appearance.runDashboard(source, fps: screen.fps, recordPath: record, castPath: screen.cast,
                                    lessons: LessonSetup(lessons: lessons, session: LessonCommand.session))
    }
}
