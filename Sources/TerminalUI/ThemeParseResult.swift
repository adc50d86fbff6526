/// A loaded theme and whatever was wrong in its file.
public struct ThemeParseResult: Sendable, Hashable {
    /// The theme, complete: keys the file did not set (or set wrongly) have their fallbacks.
    public var theme: Theme
    /// The malformed lines, in file order; empty for a clean file.
    public var problems: [ThemeProblem]

    /// Creates a result.
    public init(theme: Theme, problems: [ThemeProblem]) {
        self.theme = theme
        self.problems = problems
    }
}
