import Dashboard
import Sessions

extension LessonProblem: CommandFailure {
    /// A lesson file that cannot be used: 1.
    public var exitStatus: Int32 { 1 }
}
