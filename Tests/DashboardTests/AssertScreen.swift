import Foundation
import Testing
import TerminalUI

/// Compares a screen with its golden file `__Snapshots__/<name>.<W>x<H>.txt`, written in the
/// `CellBuffer` description format (quoted lines, then style runs).
///
/// With `SNAPSHOT_RECORD=1` in the environment the file is (re)written instead. A missing file is
/// written too, and the test fails so that a new golden is always looked at before it counts.
/// On a mismatch the failure shows the first differing lines, expected above actual.
func assertScreen(
    _ buffer: CellBuffer,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent("\(name).\(buffer.width)x\(buffer.height).txt")
    let actual = buffer.description
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not write \(file.path): \(error)", sourceLocation: sourceLocation)
            return
        }
        if !recording {
            Issue.record("recorded a new golden screen at \(file.path); check it and run again", sourceLocation: sourceLocation)
        }
        return
    }
    guard expected != actual else { return }
    Issue.record(Comment(rawValue: screenDiff(expected: expected, actual: actual, file: file.lastPathComponent)), sourceLocation: sourceLocation)
}

/// The first few lines where two golden texts differ, numbered, expected then actual.
func screenDiff(expected: String, actual: String, file: String, limit: Int = 6) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report = "screen differs from \(file) (SNAPSHOT_RECORD=1 rewrites it):"
    var shown = 0
    for index in 0..<max(old.count, new.count) where shown < limit {
        let a = index < old.count ? String(old[index]) : "<missing>"
        let b = index < new.count ? String(new[index]) : "<missing>"
        guard a != b else { continue }
        report += "\n  line \(index + 1)\n    expected: \(a)\n    actual:   \(b)"
        shown += 1
    }
    return report
}
