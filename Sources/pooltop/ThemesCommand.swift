import ArgumentParser
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
        let catalog = ThemeCatalog(directories: AppearanceOptions.themeDirectories)
        let entries = Dictionary(catalog.entries().map { ($0.name, $0.path) }, uniquingKeysWith: { first, _ in first })
        let useColor = !appearance.isMonochrome && (appearance.color == .always || isatty(STDOUT_FILENO) == 1)
        var problems: [String] = []
        let names = catalog.names()
        var buffer = CellBuffer(width: 100, height: names.count)
        for (row, name) in names.enumerated() {
            guard let result = catalog.load(name) else { continue }
            problems += result.problems.map { "pooltop: theme \($0)" }
            ThemeSwatch(name: name, theme: result.theme, source: entries[name] ?? "built in")
                .render(in: Rect(x: 0, y: row, width: 100, height: 1), buffer: &buffer)
        }
        let lines = useColor ? buffer.ansiLines(depth: .trueColor) : buffer.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        print(lines.joined(separator: "\n"))
        for problem in problems { FileHandle.standardError.write(Data((problem + "\n").utf8)) }
    }
}
