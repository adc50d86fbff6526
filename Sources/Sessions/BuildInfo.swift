import Foundation
import PoolCore

/// What `pooltop --version` says: the release, the commit and the build date.
///
/// A release build (`scripts/dist`) writes them to `share/pooltop/BUILD` beside the binary
/// (`commit <sha>` and `date <YYYY-MM-DD>` lines). A build from a clone has no such file: the
/// commit is read from the clone's `.git` (no git process is run) and the date is the binary's.
public struct BuildInfo: Sendable, Equatable {
    /// The release number.
    public var version = PooltopVersion.number
    /// The commit's short hash, or nil when unknown.
    public var commit: String?
    /// The build date, `YYYY-MM-DD`, or nil when unknown.
    public var date: String?
    /// True for a build from a clone (no BUILD file).
    public var fromSource = true

    /// The line `--version` prints: `pooltop 0.20.0 (commit 6ee0d2c, built 2026-12-02)`.
    public var line: String {
        let commitPart = "commit " + (commit ?? "unknown")
        let datePart = "built " + (date ?? "on an unknown date") + (fromSource ? " from source" : "")
        return "pooltop \(version) (\(commitPart), \(datePart))"
    }

    /// The running binary's build information.
    public static var current: BuildInfo {
        if let share = InstallLayout.shareDirectory, let stamp = try? String(contentsOfFile: share + "/BUILD", encoding: .utf8) {
            return BuildInfo(stamp: stamp)
        }
        var info = BuildInfo()
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        info.commit = Self.commit(inClone: sourceRoot.appendingPathComponent(".git").path)
        if let binary = InstallLayout.binaryDirectory.map({ $0 + "/pooltop" }),
           let modified = (try? FileManager.default.attributesOfItem(atPath: binary))?[.modificationDate] as? Date {
            info.date = Self.day(of: modified)
        }
        return info
    }

    /// Reads a BUILD file's `commit` and `date` lines.
    public init(stamp: String) {
        fromSource = false
        for line in stamp.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[0] == "commit" { commit = parts[1] }
            if parts[0] == "date" { date = parts[1] }
        }
    }

    /// Unknown commit and date.
    public init() {}

    /// The commit HEAD names in the git folder `git`: a detached hash, or the branch's hash from
    /// its ref file or `packed-refs`; the first 7 characters.
    static func commit(inClone git: String) -> String? {
        guard let head = try? String(contentsOfFile: git + "/HEAD", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) else {
            return nil
        }
        guard head.hasPrefix("ref: ") else { return String(head.prefix(7)) }
        let ref = String(head.dropFirst(5))
        if let hash = try? String(contentsOfFile: git + "/" + ref, encoding: .utf8) {
            return String(hash.trimmingCharacters(in: .whitespacesAndNewlines).prefix(7))
        }
        let packed = (try? String(contentsOfFile: git + "/packed-refs", encoding: .utf8)) ?? ""
        for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
            return String(line.prefix(7))
        }
        return nil
    }

    private static func day(of date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
