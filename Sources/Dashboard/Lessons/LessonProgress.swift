import TerminalUI

/// Where a class is in a lesson: the step on screen, whether its key has been pressed, and what
/// its check has seen — a state machine fed the dashboard's observations and clock.
///
/// A step with a key waits for that key; then (or at once, for a watch step) its check takes the
/// figure's value as "before", lets the pool settle, and passes the first time the condition holds,
/// keeping the measured numbers in a sentence. `n` moves on whether or not it passed (a skipped
/// step is marked so); `p` goes back and starts the step again.
public struct LessonProgress: Sendable, Equatable {
    /// Where the step on screen is.
    public enum Phase: Sendable, Equatable {
        /// Waiting for the step's key.
        case waitingForKey
        /// Watching the check's figure since `since` (the runner's clock; nil until the first
        /// tick tells it), from `before` (nil until the figure has a value).
        case checking(since: UInt64?, before: Double?)
        /// The check passed (or there was none): what the panel says.
        case passed(String)
    }

    /// How a step ended.
    public enum Outcome: Sendable, Equatable {
        /// Its check passed; the sentence with the measured numbers.
        case passed(String)
        /// The class moved on before it passed.
        case skipped
    }

    /// The lesson.
    public let lesson: Lesson
    /// The step on screen (0-based).
    public private(set) var stepIndex = 0
    /// Where that step is.
    public private(set) var phase: Phase
    /// How each step ended, nil for those not ended yet.
    public private(set) var outcomes: [Outcome?]
    /// True once the last step has ended and `n` was pressed on it.
    public private(set) var isFinished = false

    /// Starts `lesson` at its first step, at `now` on the runner's clock.
    public init(lesson: Lesson, observation: PoolObservation, now: UInt64?) {
        self.lesson = lesson
        self.outcomes = Array(repeating: nil, count: lesson.steps.count)
        self.phase = .waitingForKey
        begin(observation: observation, now: now)
    }

    /// The step on screen.
    public var step: LessonStep { lesson.steps[stepIndex] }

    /// True when the step on screen is the last.
    public var isLastStep: Bool { stepIndex == lesson.steps.count - 1 }

    /// True when every step's check passed.
    public var allPassed: Bool { outcomes.allSatisfy { if case .passed = $0 { true } else { false } } }

    // MARK: - Moving

    /// Starts the step on screen over.
    private mutating func begin(observation: PoolObservation, now: UInt64?) {
        isFinished = false
        if step.key != nil {
            phase = .waitingForKey
        } else {
            startChecking(observation: observation, now: now)
        }
    }

    private mutating func startChecking(observation: PoolObservation, now: UInt64?) {
        guard let check = step.check else {
            phase = .passed(step.key == nil ? "✓ done" : "✓ done: \(step.keyName ?? "the key") pressed")
            outcomes[stepIndex] = .passed(LessonProgress.text(of: phase))
            return
        }
        phase = .checking(since: now, before: check.figure.value(in: observation))
    }

    /// `n` or Enter: the next step (the one on screen counts as skipped unless it passed); on the
    /// last step, the lesson ends.
    public mutating func next(observation: PoolObservation, now: UInt64?) {
        if outcomes[stepIndex] == nil { outcomes[stepIndex] = .skipped }
        guard !isLastStep else {
            isFinished = true
            return
        }
        stepIndex += 1
        begin(observation: observation, now: now)
    }

    /// `p`: the step before, started over.
    public mutating func previous(observation: PoolObservation, now: UInt64?) {
        stepIndex = max(0, stepIndex - 1)
        outcomes[stepIndex] = nil
        begin(observation: observation, now: now)
    }

    // MARK: - What happens

    /// A key reached the dashboard: if it is the one the step waits for, its check starts, from
    /// the figures as they were just before it.
    public mutating func keyPressed(_ key: Key, observation: PoolObservation, now: UInt64?) {
        guard phase == .waitingForKey, key == step.key else { return }
        startChecking(observation: observation, now: now)
    }

    /// A new observation or a tick: judges the check.
    public mutating func observe(_ observation: PoolObservation, now: UInt64) {
        guard case .checking(let since, let before) = phase, let check = step.check,
              let value = check.figure.value(in: observation) else { return }
        guard let since, let before else {
            phase = .checking(since: since ?? now, before: before ?? value)
            return
        }
        guard now &- since >= check.settleNanos else { return }
        if check.condition == .unchanged, value != before {
            // Still changing: it must stay put for a whole settling time from here.
            phase = .checking(since: now, before: value)
            return
        }
        guard check.condition.holds(now: value, before: before) else { return }
        let sentence = "✓ " + LessonProgress.sentence(check, before: before, now: value, observation: observation)
        phase = .passed(sentence)
        outcomes[stepIndex] = .passed(sentence)
    }

    // MARK: - Words

    /// What the panel says of the step on screen now: the key to press, what the check awaits
    /// with the numbers so far, or the sentence it passed with.
    public func status(observation: PoolObservation, now: UInt64) -> String {
        switch phase {
        case .waitingForKey:
            return "press \(step.keyName ?? "the key")"
        case .passed(let text):
            return text
        case .checking(let since, let before):
            guard let check = step.check else { return "" }
            let figure = check.figure
            let current = figure.value(in: observation)
            let nowText = current.map(figure.text) ?? "no value yet"
            if since.map({ now &- $0 < check.settleNanos }) ?? true || before == nil {
                return "watching \(figure.label)… (\(nowText))"
            }
            let beforeText = before.map(figure.text) ?? "-"
            switch check.condition {
            case .above(let bound): return "waiting for \(figure.label) above \(figure.text(bound)) (now \(nowText))"
            case .below(let bound): return "waiting for \(figure.label) below \(figure.text(bound)) (now \(nowText))"
            case .equals(let value): return "waiting for \(figure.label) to be \(figure.text(value)) (now \(nowText))"
            case .rises(let fraction): return "waiting for \(figure.label) to rise \(Self.percent(fraction)) (was \(beforeText), now \(nowText))"
            case .falls(let fraction): return "waiting for \(figure.label) to fall \(Self.percent(fraction)) (was \(beforeText), now \(nowText))"
            case .unchanged: return "waiting for \(figure.label) to stop changing (now \(nowText))"
            }
        }
    }

    /// The check's sentence with the measured numbers.
    static func sentence(_ check: LessonCheck, before: Double, now: Double, observation: PoolObservation) -> String {
        let figure = check.figure
        guard var text = check.message else {
            switch check.condition {
            case .rises: return "\(figure.label) rose from \(figure.text(before)) to \(figure.text(now))"
            case .falls: return "\(figure.label) fell from \(figure.text(before)) to \(figure.text(now))"
            case .unchanged: return "\(figure.label) stayed at \(figure.text(now))"
            case .above, .below, .equals: return "\(figure.label): \(figure.text(now))"
            }
        }
        text = text.replacing("{before}", with: figure.text(before)).replacing("{now}", with: figure.text(now))
        for other in LessonFigure.allCases where text.contains("{\(other.rawValue)}") {
            text = text.replacing("{\(other.rawValue)}", with: other.value(in: observation).map(other.text) ?? "-")
        }
        return text
    }

    private static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded())) %"
    }

    private static func text(of phase: Phase) -> String {
        if case .passed(let text) = phase { return text }
        return ""
    }
}
