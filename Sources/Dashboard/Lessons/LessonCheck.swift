/// A check on live figures that tells the class a step happened: a figure, a condition on it,
/// how long to let the pool settle before judging, and what to say when it passes.
public struct LessonCheck: Sendable, Hashable {
    /// The default settling time: long enough for one-second rates to reflect a change.
    public static let defaultSettleNanos: UInt64 = 1_500_000_000

    /// The figure checked.
    public var figure: LessonFigure
    /// What it must do.
    public var condition: LessonCondition
    /// How long after the step begins (or its key is pressed) the check starts judging.
    public var settleNanos: UInt64
    /// What the panel says when it passes; `{before}`, `{now}` and `{FIGURE}` (any figure's name)
    /// are replaced by the measured numbers. Nil: a sentence made from the figure and condition.
    public var message: String?

    /// A check as it stands.
    public init(figure: LessonFigure, condition: LessonCondition, settleNanos: UInt64 = LessonCheck.defaultSettleNanos,
                message: String? = nil) {
        self.figure = figure
        self.condition = condition
        self.settleNanos = settleNanos
        self.message = message
    }
}
