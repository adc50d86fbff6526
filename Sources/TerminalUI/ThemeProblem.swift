/// Something wrong in a theme file, with where it is; the rest of the file still loads.
public struct ThemeProblem: Error, Sendable, Hashable {
    /// The file's name as given to the parser (usually the last path component).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong, e.g. `bad color "#12345z" for key slot_busy`.
    public var message: String

    /// Creates a problem report.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
}
