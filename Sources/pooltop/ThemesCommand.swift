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

/// One line of `pooltop themes`: the name, a swatch of the request palette and slot states, the source.
struct ThemeSwatch: Widget {
    let name: String
    let theme: Theme
    let source: String

    func render(in area: Rect, buffer: inout CellBuffer) {
        var x = buffer.write(name.padding(toLength: 16, withPad: " ", startingAt: 0), x: area.x, y: area.y,
                             style: theme.style(.text), clip: area)
        for index in 0..<8 {
            x = buffer.write("██", x: x, y: area.y, style: Style(foreground: theme.requestColor(index)), clip: area)
        }
        x = buffer.write(" ", x: x, y: area.y, clip: area)
        let states: [ThemeRole] = [.slotIdle, .slotBusy, .slotLockWait, .slotLockHold, .slotRetiring, .slotStarting, .slotCrashed]
        for role in states {
            x = buffer.write("■", x: x, y: area.y, style: Style(foreground: theme.color(role)), clip: area)
        }
        buffer.write("  " + source, x: x, y: area.y, style: theme.style(.dimText), clip: area)
    }
}
