import ArgumentParser
import Dashboard
import DashboardLoop
import Foundation
import Sessions

/// `pooltop lesson [NAME]`: the guided lessons.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "List the guided lessons, or open one on the dashboard.",
        discussion: "A lesson is a *.lesson file (YAML): a title, a scenario in the command line's options, and steps to say, press and check. "
            + "Folders searched: --lessons, $POOLTOP_LESSONS, ~/.config/pooltop/lessons, ./lessons, the source tree's lessons/. "
            + "On the dashboard: n or Enter next step, p back, L the list."
    )

    @Argument(help: "The lesson to open; without it, the lessons are listed.")
    var name: String?

    @Option(name: .customLong("lessons"), help: ArgumentHelp("Look for *.lesson files in this folder first (may repeat).", valueName: "dir"))
    var folders: [String] = []

    @Flag(help: "Play the lesson without a screen, pressing each step's key, and print what each check saw (exit 1 if one did not pass).")
    var rehearse = false

    @OptionGroup var appearance: AppearanceOptions
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let catalog = LessonCatalog(directories: LessonCatalog.standardDirectories(extra: folders))
        for problem in catalog.problems { FileHandle.standardError.write(Data("pooltop: \(problem)\n".utf8)) }
        guard let name else { return print(catalog.listing) }
        guard let lesson = catalog.lesson(named: name) else {
            if let problem = catalog.problem(named: name) { throw ExitCode(problem.exitStatus) }
            throw ValidationError("no lesson named \(name); `pooltop lesson` lists them")
        }
        let session = try Self.session(for: lesson)
        guard !rehearse else { return try Self.rehearse(lesson, on: session) }
        try appearance.runDashboard(.live(session), fps: screen.fps, castPath: screen.cast,
                                    lessons: LessonSetup(lessons: catalog.lessons, opening: lesson, session: Self.session))
    }

    /// A live session running `lesson`'s scenario, its options read as the dashboard's.
    @Sendable static func session(for lesson: Lesson) throws -> LiveSession {
        try session(for: lesson, clock: SystemClock())
    }

    /// A live session running `lesson`'s scenario, its arrivals timed on `clock`.
    static func session(for lesson: Lesson, clock: any FrameClock) throws -> LiveSession {
        let options: DashboardCommand
        do {
            options = try DashboardCommand.parse(lesson.scenario)
        } catch {
            throw LessonProblem(path: lesson.path, line: lesson.scenarioLine, message: "scenario: " + DashboardCommand.message(for: error))
        }
        guard options.scenario.mode != .celery else {
            throw LessonProblem(path: lesson.path, line: lesson.scenarioLine, message: "scenario: lessons run pooltop's own pool, not --mode celery")
        }
        return LiveSession(configuration: options.scenario.configuration, scenario: options.scenario.scenario(repeating: true),
                           arrivalsEnabled: options.arrivals, clock: clock)
    }

    /// Plays `lesson` headless, a line per step; exit 1 when a check did not pass in time.
    static func rehearse(_ lesson: Lesson, on session: LiveSession) throws {
        print("Rehearsing \(lesson.name): \(lesson.title)")
        let reports = LessonRehearsal.onSystemClock(lesson: lesson, session: session).run { print($0.line) }
        print(LessonRehearsal.summary(of: reports))
        if reports.contains(where: { $0.outcome == .skipped }) { throw ExitCode(1) }
    }
}
