import Foundation
import PoolCore
import TerminalUI

extension ThemeCatalog {
    /// The folders searched for themes: $POOLTOP_THEMES, ~/.config/pooltop/themes, ./themes, the
    /// installed ones beside the binary (`../share/pooltop/themes`), and the source tree's themes/
    /// (so `swift run` from a clone finds them). A theme found earlier wins, so a user's own copy
    /// overrides the shipped one.
    public static var standardDirectories: [String] {
        var directories: [String] = []
        let environment = ProcessInfo.processInfo.environment
        if let custom = environment["POOLTOP_THEMES"], !custom.isEmpty { directories.append(custom) }
        if let home = environment["HOME"] { directories.append(home + "/.config/pooltop/themes") }
        directories.append(FileManager.default.currentDirectoryPath + "/themes")
        if let installed = InstallLayout.sharedFolder("themes") { directories.append(installed) }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        if !directories.contains(source) { directories.append(source) }
        return directories
    }
}
