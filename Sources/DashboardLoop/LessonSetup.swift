import Dashboard
import Sessions

/// What the dashboard needs for lessons: the lessons `L` lists, the one to open at once, and how
/// to start a lesson's scenario (the executable parses its options as the command line's).
public struct LessonSetup: Sendable {
    /// The lessons `L` lists.
    public var lessons: [Lesson]
    /// The lesson open when the dashboard starts (`pooltop lesson NAME`).
    public var opening: Lesson?
    /// A new live session running `lesson`'s scenario, or why it cannot run.
    public var session: @Sendable (Lesson) throws -> LiveSession

    /// A setup as it stands.
    public init(lessons: [Lesson], opening: Lesson? = nil, session: @escaping @Sendable (Lesson) throws -> LiveSession) {
        self.lessons = lessons
        self.opening = opening
        self.session = session
    }
}
