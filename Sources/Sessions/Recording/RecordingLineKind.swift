/// What one line of a recording after the header holds; every such line starts
/// `{"k":"<kind>","t":<nanoseconds>,"v":`, so a reader can sort lines without decoding them.
public enum RecordingLineKind: String, Sendable, Hashable, CaseIterable {
    /// A snapshot (`PoolSnapshot` without its events list, which the event lines carry).
    case snapshot = "s"
    /// An event of the events list (`PoolEvent`).
    case event = "e"
    /// The task events since the previous sample (`[TaskEvent]`).
    case tasks = "x"
    /// A command applied, and the source's reply (`RecordedCommand`).
    case command = "c"
    /// Where the snapshots of the last index interval start in the file: `[[t, byte offset], …]`.
    case index = "i"
}
