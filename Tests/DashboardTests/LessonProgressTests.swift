@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// The lesson state machine, fed hand-made snapshots and a clock the test moves.
@Suite struct LessonProgressTests {
    static let lesson = Lesson(name: "gil", title: "GIL", steps: [
        LessonStep(say: "watch", look: .throughput, check: LessonCheck(figure: .busy, condition: .above(2), settleNanos: 1_000_000_000)),
        LessonStep(say: "press g", key: .character("g"), keyName: "g",
                   check: LessonCheck(figure: .busy, condition: .falls(0.3), settleNanos: 1_000_000_000,
                                      message: "busy fell from {before} to {now}, {cap}")),
        LessonStep(say: "lock on", key: .character("l"), keyName: "l",
                   check: LessonCheck(figure: .lostUpdates, condition: .unchanged, settleNanos: 1_000_000_000)),
    ])

    /// An observation whose newest snapshot has `busy` tasks running and `lost` lost updates.
    func observation(busy: Int, lost: Int = 0, at seconds: Double) -> PoolObservation {
        var snapshot = PoolSnapshot()
        snapshot.elapsedNanos = UInt64(seconds * 1e9)
        snapshot.totals.running = busy
        snapshot.counter = CounterStats(expected: 100 + lost, actual: 100)
        var observation = PoolObservation()
        observation.record(snapshot)
        return observation
    }

    @Test("a watch step settles, then passes with the number it saw")
    func watchStepPasses() {
        var progress = LessonProgress(lesson: Self.lesson, observation: PoolObservation(), now: nil)
        progress.observe(observation(busy: 4, at: 1), now: 10_000_000_000)  // dates the step
        progress.observe(observation(busy: 4, at: 1.5), now: 10_500_000_000)
        #expect(progress.status(observation: observation(busy: 4, at: 1.5), now: 10_500_000_000) == "watching busy… (4 busy)")
        progress.observe(observation(busy: 4, at: 2), now: 11_000_000_000)
        #expect(progress.phase == .passed("✓ busy: 4 busy"))
    }

    @Test("a key step waits for its key, compares with the figure before it, and says both numbers")
    func keyStepComparesBeforeAndAfter() {
        var progress = LessonProgress(lesson: Self.lesson, observation: PoolObservation(), now: 0)
        progress.next(observation: observation(busy: 4, at: 1), now: 1_000_000_000)
        #expect(progress.phase == .waitingForKey)
        #expect(progress.status(observation: observation(busy: 4, at: 1), now: 1_000_000_000) == "press g")
        progress.keyPressed(.character("x"), observation: observation(busy: 10, at: 1), now: 1_000_000_000)
        #expect(progress.phase == .waitingForKey, "another key does not count")
        progress.keyPressed(.character("g"), observation: observation(busy: 10, at: 1), now: 1_000_000_000)
        progress.observe(observation(busy: 9, at: 2.5), now: 2_500_000_000)
        #expect(progress.status(observation: observation(busy: 9, at: 2.5), now: 2_500_000_000)
            == "waiting for busy to fall 30 % (was 10 busy, now 9 busy)")
        progress.observe(observation(busy: 5, at: 3), now: 3_000_000_000)
        #expect(progress.phase == .passed("✓ busy fell from 10 busy to 5 busy, cap 50"))
        #expect(progress.outcomes == [.skipped, .passed("✓ busy fell from 10 busy to 5 busy, cap 50"), nil])
    }

    @Test("unchanged waits until the figure stays put for a whole settling time")
    func unchangedRestartsWhileTheFigureMoves() {
        var progress = LessonProgress(lesson: Self.lesson, observation: PoolObservation(), now: 0)
        progress.next(observation: PoolObservation(), now: 0)
        progress.next(observation: PoolObservation(), now: 0)
        progress.keyPressed(.character("l"), observation: observation(busy: 1, lost: 7, at: 1), now: 1_000_000_000)
        progress.observe(observation(busy: 1, lost: 9, at: 2.2), now: 2_200_000_000)  // a late racy write
        progress.observe(observation(busy: 1, lost: 9, at: 3), now: 3_000_000_000)
        #expect(progress.phase == .checking(since: 2_200_000_000, before: 9))
        progress.observe(observation(busy: 1, lost: 9, at: 3.3), now: 3_300_000_000)
        #expect(progress.phase == .passed("✓ lost updates stayed at 9 lost"))
        progress.next(observation: PoolObservation(), now: 3_300_000_000)
        #expect(progress.isFinished && progress.outcomes.last == .passed("✓ lost updates stayed at 9 lost"))
    }

    @Test("p goes back and starts the step again; n on an unpassed step marks it skipped")
    func backAndSkip() {
        var progress = LessonProgress(lesson: Self.lesson, observation: PoolObservation(), now: 0)
        progress.next(observation: PoolObservation(), now: 0)
        #expect(progress.outcomes[0] == .skipped && progress.stepIndex == 1)
        progress.previous(observation: PoolObservation(), now: 0)
        #expect(progress.stepIndex == 0 && progress.outcomes[0] == nil)
    }
}
