/// A value that is written down (recordings, the event protocol, summaries) under a schema name
/// with a version, such as `pooltop.snapshot/1`, so that a reader can tell what it holds and
/// refuse what it cannot read.
public protocol SchemaVersioned: Codable {
    /// The schema and its version, e.g. `pooltop.snapshot/1`.
    static var schema: String { get }
}
