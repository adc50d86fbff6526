/// Why a program cannot be watched: it is not Python, it does not exist, its output file or the
/// socket cannot be made.
public struct WatchError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
