import ArgumentParser
import Foundation
import DashboardLoop
import NcursesBackend
import TerminalUI

extension ColorMode: ExpressibleByArgument {}

/// `--theme` and `--color`, shared by the dashboard, `render` and `themes`.
struct AppearanceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A theme name (see `pooltop themes`) or the path of a .theme file (btop theme files work too).", valueName: "name|path"))
    var theme: String = ThemeCatalog.builtinName

    @Option(help: "When to use colors: auto (unless NO_COLOR is set), always, or never (monochrome: bold, dim and reverse only).")
    var color: ColorMode = .auto

    /// Whether NO_COLOR or --color never asks for monochrome.
    var isMonochrome: Bool {
        color.colorDepth(terminalColors: 256, noColor: ProcessInfo.processInfo.environment["NO_COLOR"]) == .monochrome
    }

    /// The themes `t` cycles through and the index of the chosen one; each problem of the chosen
    /// theme's file goes to `report` with its file and line.
    /// - Throws: a `ValidationError` when `--theme` names no theme.
    func loadThemes(report: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws -> (themes: [Theme], index: Int) {
        let catalog = ThemeCatalog(directories: ThemeCatalog.standardDirectories)
        guard let selection = catalog.selection(theme, monochrome: isMonochrome) else {
            throw ValidationError("--theme: no theme named \"\(theme)\" (available: \(catalog.names().joined(separator: ", ")); or give a path to a .theme file)")
        }
        for problem in selection.problems { report("pooltop: theme \(problem)") }
        return (selection.themes, selection.index)
    }

    /// Opens the terminal, runs the dashboard on `source` until it ends, gives the terminal back
    /// and says what there is to say (a recording saved).
    /// - Throws: `ExitCode(1)` without a usable terminal, or the runner's status when not 0.
    func runDashboard(_ source: DashboardRunner.Source, fps: Int, recordPath: String? = nil, notice: String? = nil,
                      castPath: String? = nil, lessons: LessonSetup? = nil) throws {
        let (themes, index) = try loadThemes()
        let outcome = DashboardRunner.onTerminal(colorMode: color, castPath: castPath, source: source, themes: themes, themeIndex: index,
                                                 fps: fps, recordPath: recordPath, notice: notice, lessons: lessons)
        for message in outcome.messages { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }

    /// Prints `buffer` as plain text, or with `ansi` as ANSI-colored lines (monochrome ones under
    /// NO_COLOR or --color never).
    func print(_ buffer: CellBuffer, ansi: Bool) {
        Swift.print(ansi ? buffer.ansiLines(depth: isMonochrome ? .monochrome : .trueColor).joined(separator: "\n") : buffer.plainText)
    }
}
