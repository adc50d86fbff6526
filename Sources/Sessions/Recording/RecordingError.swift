/// Why a recording cannot be written or read, naming the file and, where there is one, the line.
public struct RecordingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The 1-based line, when the problem is in one.
    public var line: Int?
    /// What was wrong.
    public var reason: String

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `run.rec:12: not a recording line: …` or `run.rec: the file is empty`.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
