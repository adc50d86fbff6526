extension ThemeCatalog {
    /// The themes `t` cycles through with the one called `nameOrPath` chosen: every theme of the
    /// catalog, with the chosen one in its place (or first, when it is a file outside the catalog),
    /// or only the monochrome theme when colors are off. A theme file with problems is still used
    /// (bad lines fall back); its problems are returned with their file and line.
    /// - Returns: nil when `nameOrPath` names no theme.
    public func selection(_ nameOrPath: String, monochrome: Bool) -> (themes: [Theme], index: Int, problems: [ThemeProblem])? {
        guard let chosen = load(nameOrPath) else { return nil }
        if monochrome { return ([Theme.monochrome], 0, chosen.problems) }
        var themes = names().compactMap { load($0)?.theme }
        if let index = themes.firstIndex(where: { $0.name == chosen.theme.name }) {
            themes[index] = chosen.theme
            return (themes, index, chosen.problems)
        }
        themes.insert(chosen.theme, at: 0)
        return (themes, 0, chosen.problems)
    }
}
