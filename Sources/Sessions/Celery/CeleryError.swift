/// Why pooltop cannot reach a Celery cluster, and the exit status it leaves with (2 for a bad
/// argument, 1 for anything else).
public struct CeleryError: Error, CustomStringConvertible, Sendable {
    /// The exit status.
    public let status: Int32
    public let description: String

    init(status: Int32, _ description: String) {
        self.status = status
        self.description = description
    }
}
