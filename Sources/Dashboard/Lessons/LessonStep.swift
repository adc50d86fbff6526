import TerminalUI

/// One step of a lesson: what the teacher says, the key the class presses (or nothing: watch),
/// the panel to look at, and the check on live figures that shows it happened.
public struct LessonStep: Sendable, Hashable {
    /// What to say, as the panel shows it.
    public var say: String
    /// The key to press; nil for a step where the class only watches.
    public var key: Key?
    /// The key as the lesson file names it (`g`, `space`, `]`), for the panel.
    public var keyName: String?
    /// The panel the step is about; it is highlighted while the step is on.
    public var look: LessonPanel?
    /// What must be seen before the step counts as done; nil for a step that is done when its key
    /// is pressed (or at once, for a watch step).
    public var check: LessonCheck?
    /// The line of the lesson file the step starts on.
    public var line: Int

    /// A step as it stands.
    public init(say: String, key: Key? = nil, keyName: String? = nil, look: LessonPanel? = nil, check: LessonCheck? = nil, line: Int = 0) {
        self.say = say
        self.key = key
        self.keyName = keyName
        self.look = look
        self.check = check
        self.line = line
    }
}
