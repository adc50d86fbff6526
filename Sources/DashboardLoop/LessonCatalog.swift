import Dashboard
import Foundation
import PoolCore

/// The lessons found on disk: every `*.lesson` file of the folders searched, parsed, in the
/// order their `order:` keys give; the files that could not be read, each with its line and why.
public struct LessonCatalog: Sendable {
    /// The lessons, in order; a name found in two folders is the first folder's.
    public var lessons: [Lesson]
    /// What was wrong with the files that are not among `lessons`.
    public var problems: [LessonProblem]

    /// The folders searched, first wins: `extra` (`--lessons`), $POOLTOP_LESSONS,
    /// ~/.config/pooltop/lessons, ./lessons, the installed ones beside the binary
    /// (`../share/pooltop/lessons`), and the source tree's lessons/ (for `swift run`).
    public static func standardDirectories(extra: [String] = []) -> [String] {
        var directories = extra
        let environment = ProcessInfo.processInfo.environment
        if let custom = environment["POOLTOP_LESSONS"], !custom.isEmpty {
            directories += custom.split(separator: ":").map(String.init)
        }
        if let home = environment["HOME"] { directories.append(home + "/.config/pooltop/lessons") }
        directories.append(FileManager.default.currentDirectoryPath + "/lessons")
        if let installed = InstallLayout.sharedFolder("lessons") { directories.append(installed) }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons").path
        if !directories.contains(source) { directories.append(source) }
        return directories
    }

    /// Reads every `*.lesson` file in `directories`.
    public init(directories: [String]) {
        var byName: [String: Lesson] = [:]
        var problems: [LessonProblem] = []
        var seenPaths: Set<String> = []
        for directory in directories {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".lesson") }.sorted()
            for file in names {
                let path = directory + "/" + file
                let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
                guard seenPaths.insert(resolved).inserted else { continue }
                guard let data = FileManager.default.contents(atPath: path) else {
                    problems.append(LessonProblem(path: path, line: 0, message: "cannot be read"))
                    continue
                }
                do throws(LessonProblem) {
                    let lesson = try LessonParser.parse(String(decoding: data, as: UTF8.self), path: path)
                    if byName[lesson.name] == nil { byName[lesson.name] = lesson }
                } catch {
                    problems.append(error)
                }
            }
        }
        lessons = byName.values.sorted { ($0.order, $0.name) < ($1.order, $1.name) }
        self.problems = problems
    }

    /// The lesson called `name`, if one was found.
    public func lesson(named name: String) -> Lesson? {
        lessons.first { $0.name == name }
    }

    /// The problem of the file that would have been lesson `name`, if its file was broken.
    public func problem(named name: String) -> LessonProblem? {
        problems.first { $0.path.hasSuffix("/\(name).lesson") }
    }
}

extension LessonCatalog {
    /// The lessons as `pooltop lesson` lists them: name, title and steps, and what each shows.
    public var listing: String {
        guard !lessons.isEmpty else { return "No lessons found. Put *.lesson files in lessons/, --lessons DIR or $POOLTOP_LESSONS." }
        let width = lessons.map(\.name.count).max() ?? 0
        var lines = ["Lessons (pooltop lesson NAME opens one; L lists them on the dashboard):"]
        for lesson in lessons {
            lines.append("  " + lesson.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(lesson.title) (\(lesson.steps.count) steps)")
            if !lesson.summary.isEmpty { lines.append("  " + String(repeating: " ", count: width) + "  " + lesson.summary) }
        }
        return lines.joined(separator: "\n")
    }
}
