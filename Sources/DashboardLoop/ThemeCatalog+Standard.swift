import Foundation
import TerminalUI

extension ThemeCatalog {
    /// The folders searched for themes: $POOLTOP_THEMES, ~/.config/pooltop/themes, ./themes, and the
    /// source tree's themes/ (so `swift run` from a clone finds them).
    public static var standardDirectories: [String] {
        var directories: [String] = []
        let environment = ProcessInfo.processInfo.environment
        if let custom = environment["POOLTOP_THEMES"], !custom.isEmpty { directories.append(custom) }
        if let home = environment["HOME"] { directories.append(home + "/.config/pooltop/themes") }
        directories.append(FileManager.default.currentDirectoryPath + "/themes")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        if !directories.contains(source) { directories.append(source) }
        return directories
    }
}
