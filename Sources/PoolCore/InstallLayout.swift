import Glibc

/// Where an installed pooltop keeps its files, relative to its own binary, as btop does:
/// `<prefix>/bin/pooltop` and `<prefix>/share/pooltop/{themes,lessons,python}` (the tarball's
/// layout, and a virtual environment's after `pip install`).
public enum InstallLayout {
    /// The folder that holds the running binary (`/proc/self/exe`, links resolved); nil if unknown.
    public static var binaryDirectory: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// `<binary>/../share/pooltop`; nil if the binary's folder is unknown. It may not exist (a build
    /// run from its build folder has none).
    public static var shareDirectory: String? {
        guard let binary = binaryDirectory, let slash = binary.lastIndex(of: "/") else { return nil }
        return String(binary[..<slash]) + "/share/pooltop"
    }

    /// `<binary>/../share/pooltop/<name>`, if that folder exists.
    public static func sharedFolder(_ name: String) -> String? {
        guard let share = shareDirectory else { return nil }
        var status = stat()
        let path = share + "/" + name
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR ? path : nil
    }
}
