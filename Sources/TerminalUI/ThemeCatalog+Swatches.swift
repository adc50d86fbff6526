extension ThemeCatalog {
    /// Every theme of the catalog as one line each (`pooltop themes`): its name, a swatch of its
    /// colors and where it comes from; and the problems of the theme files, each with its file and
    /// line.
    /// Lines are `width` wide, or wider when a theme's path needs it (an installed pooltop's themes
    /// live in a deep folder; a path is never cut).
    public func swatches(width: Int = 100) -> (lines: CellBuffer, problems: [ThemeProblem]) {
        let sources = Dictionary(entries().map { ($0.name, $0.path) }, uniquingKeysWith: { first, _ in first })
        let names = names()
        let width = max(width, 48 + (sources.values.map(\.count).max() ?? 0))
        var buffer = CellBuffer(width: width, height: names.count)
        var problems: [ThemeProblem] = []
        for (row, name) in names.enumerated() {
            guard let result = load(name) else { continue }
            problems += result.problems
            ThemeSwatch(name: name, theme: result.theme, source: sources[name] ?? "built in")
                .render(in: Rect(x: 0, y: row, width: width, height: 1), buffer: &buffer)
        }
        return (buffer, problems)
    }
}
