import Dashboard
import PoolCore
import Sessions
import TerminalUI

/// Plays a lesson without a screen, as a class would: the dashboard's own state is fed the live
/// session's snapshots on a frame clock, each step's key is pressed, each check is awaited (up to
/// a time limit on that clock), then `n` moves on. `pooltop lesson NAME --rehearse` runs it before
/// class; the tests run every shipped lesson with it on an injected clock.
public struct LessonRehearsal {
    /// How one step went.
    public struct StepReport: Sendable {
        /// The step's position (0-based).
        public var index: Int
        /// The step.
        public var step: LessonStep
        /// Passed with its sentence, or skipped when the limit ran out first.
        public var outcome: LessonProgress.Outcome
        /// What the lesson panel said last (what the check still waited for, when it did not pass).
        public var status: String
        /// How long the step took on the rehearsal's clock.
        public var tookNanos: UInt64

        /// The step as `--rehearse` prints it: `  2. press g: ✓ throughput rose … (3.04s)`, or what
        /// its check still waited for when the time ran out.
        public var line: String {
            let key = step.keyName.map { "press \($0)" } ?? "watch"
            let took = DurationText.format(nanoseconds: tookNanos)
            switch outcome {
            case .passed(let sentence): return "  \(index + 1). \(key): \(sentence) (\(took))"
            case .skipped: return "  \(index + 1). \(key): ✗ not seen in \(took): \(status)"
            }
        }
    }

    /// A rehearsal on the system clock, the session's driver on its own thread (`--rehearse`).
    public static func onSystemClock(lesson: Lesson, session: LiveSession) -> LessonRehearsal {
        let clock = SystemClock()
        return LessonRehearsal(lesson: lesson, session: session, clock: clock, waitFrame: { clock.sleep(until: clock.nowNanos + $0) })
    }

    /// `5 of 5 steps seen happening.`
    public static func summary(of reports: [StepReport]) -> String {
        let passed = reports.count { $0.outcome != .skipped }
        return "\(passed) of \(reports.count) steps seen happening."
    }

    let lesson: Lesson
    let session: LiveSession
    let clock: any FrameClock
    let frameNanos: UInt64
    let stepLimitNanos: UInt64
    let waitFrame: (UInt64) -> Void
    let stepsArrivals: Bool

    /// A rehearsal of `lesson` on `session`.
    /// - Parameters:
    ///   - clock: the clock the lesson's settling times and the step limit are read on.
    ///   - frameNanos: time between two snapshots.
    ///   - stepLimitNanos: how long a step's check may take before the step is skipped.
    ///   - stepsArrivals: true when the session's driver is stepped here on `clock` (a test's
    ///     clock); false to start its own thread on the session's clock.
    ///   - waitFrame: waits one frame (a test's clock moves by it after real time passed).
    public init(lesson: Lesson, session: LiveSession, clock: any FrameClock, frameNanos: UInt64 = 100_000_000,
                stepLimitNanos: UInt64 = 30_000_000_000, stepsArrivals: Bool = false, waitFrame: @escaping (UInt64) -> Void) {
        self.lesson = lesson
        self.session = session
        self.clock = clock
        self.frameNanos = frameNanos
        self.stepLimitNanos = stepLimitNanos
        self.stepsArrivals = stepsArrivals
        self.waitFrame = waitFrame
    }

    /// Plays every step, telling `report` of each as it ends; stops the session at the end.
    @discardableResult
    public func run(report: (StepReport) -> Void = { _ in }) -> [StepReport] {
        var state = DashboardState(width: 80, height: 24, lessons: [lesson], lesson: lesson)
        if !stepsArrivals { session.start() }
        func frame() {
            _ = state.update(.snapshot(session.snapshot(latencyMaxAgeNanos: 0)))
            _ = state.update(.tick(nanos: clock.nowNanos))
        }
        // One frame of time. Arrivals stepped here are stepped ten times a frame: stepped once a
        // frame, a frame's Poisson arrivals would land together just before each snapshot, and
        // the measured L (read at those instants) would run high against λW.
        func nextFrame() {
            guard stepsArrivals else { return waitFrame(frameNanos) }
            for _ in 0..<Self.arrivalSteps {
                waitFrame(frameNanos / UInt64(Self.arrivalSteps))
                session.step()
            }
        }
        if stepsArrivals { session.step() }
        func press(_ key: Key) {
            for effect in state.update(.key(key)) {
                if let command = effect.command { session.perform(command) }
            }
        }
        frame()
        var reports: [StepReport] = []
        while let progress = state.lesson, !progress.isFinished {
            let index = progress.stepIndex, step = progress.step, start = clock.nowNanos
            if let key = step.key { press(key) }
            while let now = state.lesson, !Self.hasPassed(now), clock.nowNanos &- start < stepLimitNanos {
                nextFrame()
                frame()
            }
            let status = state.lesson?.status(observation: state.live, now: clock.nowNanos) ?? ""
            press(.character("n"))
            let outcome: LessonProgress.Outcome = (state.lesson?.outcomes[index] ?? nil) ?? .skipped
            let stepReport = StepReport(index: index, step: step, outcome: outcome, status: status,
                                        tookNanos: clock.nowNanos &- start)
            reports.append(stepReport)
            report(stepReport)
        }
        session.stop()
        return reports
    }

    /// How many times a frame the arrivals are stepped, when they are stepped here.
    static let arrivalSteps = 10

    private static func hasPassed(_ progress: LessonProgress) -> Bool {
        if case .passed = progress.phase { return true }
        return false
    }
}
