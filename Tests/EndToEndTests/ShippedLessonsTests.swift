import Dashboard
import DashboardLoop
import Foundation
import PoolEngine
@testable import pooltop
import Sessions
import Testing

extension LessonSuites {
    /// Every lesson in lessons/ played to its end as a class would (its keys pressed, its checks
    /// awaited) on an injected clock: the dashboard's own state reads the live session's snapshots;
    /// the clock moves one frame after each frame of real time, and the scenario's arrivals are
    /// stepped on it. Each check must pass with its measured numbers.
    @Suite("Shipped lessons", .serialized)
    struct ShippedLessonsTests {
        static let catalog = LessonCatalog(directories: [
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("lessons").path,
        ])

        @Test("the catalog reads every shipped lesson without a problem")
        func catalogIsClean() {
            #expect(Self.catalog.problems.isEmpty, "\(Self.catalog.problems)")
            #expect(Self.catalog.lessons.map(\.name) == [
                "why-a-pool", "threads-for-io", "gil", "the-lock", "full-queue", "worker-dies", "fan-out-tail", "littles-law",
            ])
        }

        @Test("a shipped lesson passes each of its own checks", arguments: catalog.lessons.map(\.name))
        func lessonPassesItsChecks(name: String) throws {
            let lesson = try #require(Self.catalog.lesson(named: name))
            let session = try LessonCommand.session(for: lesson, clock: ManualClock(start: 1_000_000_000))
            let clock = try #require(session.clock as? ManualClock)
            let reports = LessonRehearsal(lesson: lesson, session: session, clock: clock, stepLimitNanos: 40_000_000_000,
                                          stepsArrivals: true, waitFrame: { nanos in
                                              MonotonicClock.sleep(until: MonotonicClock.now() + nanos)
                                              clock.advance(by: nanos)
                                          }).run()
            #expect(reports.count == lesson.steps.count)
            for report in reports {
                #expect(report.outcome != .skipped, "\(name) step \(report.index + 1) did not pass: \(report.status)")
                if case .passed(let sentence) = report.outcome { #expect(sentence.hasPrefix("✓ ")) }
            }
        }
    }
}
