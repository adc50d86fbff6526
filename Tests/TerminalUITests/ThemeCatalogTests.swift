import Testing

@testable import TerminalUI

@Suite("ThemeCatalog")
struct ThemeCatalogTests {
    private static let files: [String: String] = [
        "/user/themes/mine.theme": "# mine\ntheme[main_bg]=\"#010203\"\n",
        "/user/themes/light.theme": "# user light\ntheme[main_bg]=\"#ffffff\"\n",
        "/user/themes/notes.txt": "not a theme",
        "/share/themes/light.theme": "# shipped light\ntheme[main_bg]=\"#eeeeee\"\n",
        "/share/themes/broken.theme": "# broken\ntheme[main_bg]=\"#12\"\ntheme[main_fg]=\"#xyz\"\n",
        "/elsewhere/x.theme": "theme[main_fg]=\"#0a0b0c\"\n",
    ]

    private func catalog(_ directories: [String]) -> ThemeCatalog {
        ThemeCatalog(
            directories: directories,
            listDirectory: { directory in
                Self.files.keys.filter { $0.hasPrefix(directory + "/") }.map {
                    String($0.dropFirst(directory.count + 1))
                }
            },
            readFile: { Self.files[$0] }
        )
    }

    @Test func theBuiltInIsAlwaysThere() throws {
        let empty = catalog([])
        #expect(empty.names() == ["default"])
        let result = try #require(empty.load("default"))
        #expect(result.theme == Theme.builtin)
        #expect(empty.load("light") == nil)
    }

    @Test func namesComeFromTheFolders() {
        let both = catalog(["/user/themes", "/share/themes"])
        #expect(both.names() == ["default", "broken", "light", "mine"])
        #expect(
            both.entries().map(\.path) == [
                "/user/themes/light.theme", "/user/themes/mine.theme", "/share/themes/broken.theme",
            ]
        )
    }

    @Test func earlierFoldersWin() throws {
        let theme = try #require(catalog(["/user/themes", "/share/themes"]).load("light")).theme
        #expect(theme.color(.background) == .rgb(255, 255, 255))
        #expect(theme.name == "light")
    }

    @Test func pathsLoadDirectlyAndProblemsNameTheFile() throws {
        let both = catalog(["/share/themes"])
        let direct = try #require(both.load("/elsewhere/x.theme"))
        #expect(direct.theme.name == "x")
        #expect(direct.theme.color(.text) == .rgb(10, 11, 12))
        let broken = try #require(both.load("broken"))
        #expect(broken.problems.map(\.description) == ["broken.theme:3: bad color \"#xyz\" for key main_fg"])
        #expect(broken.theme.color(.background) == .rgb(0x12, 0x12, 0x12))
        #expect(both.load("/nowhere/y.theme") == nil)
        #expect(both.load("missing") == nil)
    }
}
