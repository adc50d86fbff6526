/// The themes pooltop can use: the built-in default plus every `*.theme` file in some folders.
///
/// The catalog does no I/O of its own: it lists folders and reads files through the two closures
/// it is given (`ThemeCatalog(directories:)` uses the real file system), so it tests without disk.
public struct ThemeCatalog: Sendable {
    /// The folders searched, in order; a name found in an earlier folder hides later ones.
    public var directories: [String]
    /// The file names in a folder (empty when the folder is missing).
    public var listDirectory: @Sendable (String) -> [String]
    /// The contents of a file, or `nil` when it cannot be read.
    public var readFile: @Sendable (String) -> String?

    /// The name of the built-in theme, always in the catalog.
    public static let builtinName = "default"

    /// Creates a catalog that reads through the given closures.
    public init(
        directories: [String],
        listDirectory: @escaping @Sendable (String) -> [String],
        readFile: @escaping @Sendable (String) -> String?
    ) {
        self.directories = directories
        self.listDirectory = listDirectory
        self.readFile = readFile
    }

    /// The theme files found, as (name, path) pairs in folder order, each name once.
    public func entries() -> [(name: String, path: String)] {
        var seen: Set<String> = []
        var result: [(name: String, path: String)] = []
        for directory in directories {
            for file in listDirectory(directory).sorted() where file.hasSuffix(".theme") {
                let name = String(file.dropLast(".theme".count))
                guard !name.isEmpty, seen.insert(name).inserted else { continue }
                result.append((name, ThemeCatalog.join(directory, file)))
            }
        }
        return result
    }

    /// Every theme name, sorted, with `default` first whether or not a file provides it.
    public func names() -> [String] {
        let found = entries().map(\.name).filter { $0 != ThemeCatalog.builtinName }.sorted()
        return [ThemeCatalog.builtinName] + found
    }

    /// The theme called `nameOrPath`, or `nil` when there is none.
    ///
    /// A value containing `/` or ending in `.theme` is read as a path; anything else is looked up by
    /// name in the folders. `default` without a `default.theme` file gives `Theme.builtin`.
    public func load(_ nameOrPath: String) -> ThemeParseResult? {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            guard let contents = readFile(nameOrPath) else { return nil }
            let file = nameOrPath.split(separator: "/").last.map(String.init) ?? nameOrPath
            return ThemeParser.parse(contents, file: file)
        }
        if let entry = entries().first(where: { $0.name == nameOrPath }), let contents = readFile(entry.path) {
            return ThemeParser.parse(contents, file: nameOrPath + ".theme")
        }
        if nameOrPath == ThemeCatalog.builtinName {
            return ThemeParseResult(theme: .builtin, problems: [])
        }
        return nil
    }

    /// `directory` and `file` joined with one `/`.
    static func join(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }
}
