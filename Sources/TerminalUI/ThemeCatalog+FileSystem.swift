#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - Reading themes from disk

extension ThemeCatalog {
    /// A catalog of the `*.theme` files in `directories` on the real file system.
    public init(directories: [String]) {
        self.init(
            directories: directories,
            listDirectory: { path in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] },
            readFile: { path in
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                return String(decoding: data, as: UTF8.self)
            }
        )
    }
}
