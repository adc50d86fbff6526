/// What is wrong with a lesson file, and where: `lessons/gil.lesson:12: …`.
public struct LessonProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The line (1-based); 0 when the problem is the whole file.
    public var line: Int
    /// What is wrong, in a sentence.
    public var message: String

    /// A problem at `line` of `path`.
    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
    }
}
