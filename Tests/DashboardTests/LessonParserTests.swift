@testable import Dashboard
import Foundation
import TerminalUI
import Testing

/// Lesson files: what they say becomes a `Lesson`; what is wrong is named with its line.
@Suite struct LessonParserTests {
    static let good = """
        title: Processes suit CPU work
        order: 3
        summary: "CPU work in threads, then processes."
        scenario: --task cpu:4ms --cap 4 --gil
        steps:
          - say: Watch the throughput.
            look: throughput
            check: { figure: throughput, above: 50, settle: 2s, says: "{now} with one thread at a time" }
          - say: Press g.
            key: g
            check: { figure: throughput, rises: 30% }
          - say: Press space.
            key: space
        """

    @Test func aLessonFileBecomesALesson() throws {
        let lesson = try LessonParser.parse(Self.good, path: "lessons/gil.lesson")
        #expect(lesson.name == "gil" && lesson.title == "Processes suit CPU work" && lesson.order == 3)
        #expect(lesson.scenario == ["--task", "cpu:4ms", "--cap", "4", "--gil"])
        #expect(lesson.scenarioLine == 4)
        #expect(lesson.steps.count == 3)
        #expect(lesson.steps[0].key == nil && lesson.steps[0].look == .throughput)
        #expect(lesson.steps[0].check == LessonCheck(figure: .throughput, condition: .above(50), settleNanos: 2_000_000_000,
                                                      message: "{now} with one thread at a time"))
        #expect(lesson.steps[1].key == .character("g") && lesson.steps[1].check?.condition == .rises(0.3))
        #expect(lesson.steps[2].key == .character(" ") && lesson.steps[2].keyName == "space" && lesson.steps[2].check == nil)
        #expect(lesson.steps[1].line == 9)
    }

    @Test("a malformed lesson file is named with its line, like a theme", arguments: [
        ("title: x\nsteps:\n  - say: a\n    check: { figure: speed, above: 1 }\n", 4, "unknown figure \"speed\""),
        ("title: x\nsteps:\n  - say: a\n    key: n\n", 4, "belongs to the lesson itself"),
        ("title: x\nsteps:\n  - say: a\n    key: Z\n", 4, "does nothing on the dashboard"),
        ("title: x\nsteps:\n  - say: a\n    look: sky\n", 4, "unknown panel \"sky\""),
        ("title: x\nsteps:\n  - say: a\n    colour: red\n", 4, "unknown key \"colour\""),
        ("title: x\nsteps:\n  - say: a\n    check: { figure: busy }\n", 4, "exactly one of"),
        ("title: x\nsteps:\n  - say: a\n    check: { figure: busy, rises: lots }\n", 4, "takes a share"),
        ("title: x\nsteps: [\n  - say: a\n", 3, "not valid YAML"),
        ("title: x\n", 1, "missing steps"),
        ("steps:\n  - say: a\n", 1, "missing title"),
    ])
    func malformedFilesNameTheirLine(text: String, line: Int, message: String) {
        #expect {
            try LessonParser.parse(text, path: "lessons/bad.lesson")
        } throws: { error in
            guard let problem = error as? LessonProblem else { return false }
            return problem.line == line && problem.message.contains(message) && problem.description.hasPrefix("lessons/bad.lesson:\(line): ")
        }
    }

    @Test("every shipped lesson parses, and together they cover the eight lessons of the seeds")
    func shippedLessonsParse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".lesson") }.sorted()
        #expect(files.count == 8)
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(throws: Never.self, "\(file)") { try LessonParser.parse(text, path: folder + "/" + file) }
        }
    }
}
