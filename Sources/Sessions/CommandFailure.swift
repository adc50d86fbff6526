/// An error a command ends with, carrying the exit status it asks for: the entry point prints
/// `pooltop: <description>` on stderr and exits with `exitStatus`.
public protocol CommandFailure: Error, CustomStringConvertible {
    /// 2 for a bad argument (a program that is not Python, a broker URL that is not Redis's), 1
    /// for anything else (a damaged file, an unreachable broker, Celery not installed).
    var exitStatus: Int32 { get }
}

extension RecordingError: CommandFailure {
    /// A file that cannot be read or written: 1.
    public var exitStatus: Int32 { 1 }
}

extension WatchError: CommandFailure {
    /// A program that cannot be watched is a bad argument: 2.
    public var exitStatus: Int32 { 2 }
}

extension CeleryError: CommandFailure {
    public var exitStatus: Int32 { status }
}
