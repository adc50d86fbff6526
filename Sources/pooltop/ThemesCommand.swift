import ArgumentParser
import DashboardLoop
import Foundation
import TerminalUI

/// `pooltop themes`: the themes there are, each with a swatch.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes with a swatch of their colors, and report problems in theme files."
    )

    @OptionGroup var appearance: AppearanceOptions

    func run() throws {
        let (swatches, problems) = ThemeCatalog(directories: ThemeCatalog.standardDirectories).swatches()
        appearance.print(swatches, ansi: appearance.color == .always || isatty(STDOUT_FILENO) == 1)
        for problem in problems { FileHandle.standardError.write(Data("pooltop: theme \(problem)\n".utf8)) }
    }
}
