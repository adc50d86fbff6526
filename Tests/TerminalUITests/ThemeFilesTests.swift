import Testing

@testable import TerminalUI

/// Lints every theme shipped in `themes/`.
@Suite("Shipped theme files")
struct ThemeFilesTests {
    /// `<package>/themes`, found from this file's path (`<package>/Tests/TerminalUITests/…`).
    static let themesDirectory: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/themes"
    }()

    static let catalog = ThemeCatalog(directories: [themesDirectory])

    static let shippedNames = ["default", "dracula", "high-contrast", "light", "mono", "okabe-ito"]

    @Test func everyExpectedThemeIsShipped() {
        #expect(Self.catalog.names() == Self.shippedNames)
    }

    @Test(arguments: shippedNames)
    func parsesWithoutProblems(name: String) throws {
        let path = ThemeCatalog.join(Self.themesDirectory, name + ".theme")
        let contents = try #require(Self.catalog.readFile(path))
        #expect(contents.hasPrefix("# "), "a theme file starts with a comment saying what it is for")
        let result = try #require(Self.catalog.load(name))
        #expect(result.problems == [])
        #expect(result.theme.name == name)
    }

    @Test func defaultFileMatchesTheBuiltInTheme() throws {
        let contents = try #require(Self.catalog.readFile(ThemeCatalog.join(Self.themesDirectory, "default.theme")))
        let (values, problems) = ThemeParser.values(in: contents, file: "default.theme")
        #expect(problems.isEmpty)
        #expect(Set(values.keys) == Theme.knownKeys, "default.theme sets every key")
        #expect(ThemeParser.parse(contents, file: "default.theme").theme == Theme.builtin)
    }

    @Test func draculaUsesBtopKeysOnly() throws {
        let contents = try #require(Self.catalog.readFile(ThemeCatalog.join(Self.themesDirectory, "dracula.theme")))
        let (values, _) = ThemeParser.values(in: contents, file: "dracula.theme")
        let btopKeys = Set(ThemeRole.allCases.filter { $0.rawValue <= ThemeRole.divider.rawValue }.map(\.key))
            .union(
                ThemeGradient.allCases.filter { $0.rawValue <= ThemeGradient.process.rawValue }
                    .flatMap { [$0.prefix + "_start", $0.prefix + "_mid", $0.prefix + "_end"] }
            )
        #expect(Set(values.keys).isSubset(of: btopKeys))
        let theme = try #require(Self.catalog.load("dracula")).theme
        #expect(theme.color(.background) == .rgb(0x28, 0x2A, 0x36))
        #expect(theme.stops(.queue) == theme.stops(.cpu))
        #expect(theme.color(.slotBusy) == .rgb(0x8B, 0xE9, 0xFD))
        #expect(theme.stops(.free) == GradientStops(flat: .rgb(0x50, 0xFA, 0x7B)))
    }

    @Test(arguments: shippedNames.filter { $0 != "mono" })
    func slotStatesHaveDistinctColors(name: String) throws {
        let theme = try #require(Self.catalog.load(name)).theme
        let roles: [ThemeRole] = [
            .slotIdle, .slotBusy, .slotLockWait, .slotLockHold, .slotRetiring, .slotStarting, .slotCrashed,
        ]
        #expect(Set(roles.map { theme.color($0) }).count == roles.count)
        #expect(theme.color(.text) != theme.color(.background))
    }

    @Test func monoFileUsesGreysOnly() throws {
        let theme = try #require(Self.catalog.load("mono")).theme
        var colors = ThemeRole.allCases.map { theme.color($0) } + theme.requestPalette
        for gradient in ThemeGradient.allCases {
            let stops = theme.stops(gradient)
            colors += [stops.start, stops.mid, stops.end]
        }
        for color in colors {
            guard case .rgb(let red, let green, let blue) = color else { Issue.record("\(color) is not RGB"); continue }
            #expect(red == green && green == blue, "\(color) is not grey")
        }
    }
}
