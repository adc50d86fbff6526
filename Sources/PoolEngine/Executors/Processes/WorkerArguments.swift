/// The worker's own command-line arguments, written by the parent and parsed by the worker:
/// `--rate <iterations per ns> --clock-read <ns> --parent <pid> --spawned-at <monotonic ns>`.
public struct WorkerArguments: Sendable, Hashable {
    /// The parent's CPU-loop calibration, so that no child recalibrates.
    public var iterationsPerNanosecond: Double
    /// The parent's measure of a look at a thread's CPU clock, so that no child measures it while
    /// it should be running tasks.
    public var clockReadNanos: UInt64
    /// The parent's pid: the worker checks it is still its parent after asking for PDEATHSIG.
    public var parentPID: Int32
    /// When the parent called posix_spawn, on the monotonic clock (for the start-up time).
    public var spawnedAt: UInt64

    /// Arguments with these values.
    public init(iterationsPerNanosecond: Double, clockReadNanos: UInt64, parentPID: Int32, spawnedAt: UInt64) {
        self.iterationsPerNanosecond = iterationsPerNanosecond
        self.clockReadNanos = clockReadNanos
        self.parentPID = parentPID
        self.spawnedAt = spawnedAt
    }

    /// Parses the worker's arguments; nil if one is missing, unknown or not a number.
    public init?(parsing arguments: [String]) {
        var rate: Double?
        var clockRead: UInt64?
        var parent: Int32?
        var spawnedAt: UInt64?
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            guard let value = remaining.popFirst() else { return nil }
            switch name {
            case "--rate": rate = Double(value)
            case "--clock-read": clockRead = UInt64(value)
            case "--parent": parent = Int32(value)
            case "--spawned-at": spawnedAt = UInt64(value)
            default: return nil
            }
        }
        guard let rate, rate > 0, rate.isFinite, let clockRead, let parent, let spawnedAt else { return nil }
        self.init(iterationsPerNanosecond: rate, clockReadNanos: clockRead, parentPID: parent, spawnedAt: spawnedAt)
    }

    /// The arguments as the worker parses them.
    public var arguments: [String] {
        ["--rate", "\(iterationsPerNanosecond)", "--clock-read", "\(clockReadNanos)", "--parent", "\(parentPID)", "--spawned-at", "\(spawnedAt)"]
    }

    /// How to call the worker, for its error message.
    static let usage = "usage: worker --rate <iterations per ns> --clock-read <ns> --parent <pid> --spawned-at <monotonic ns>"
}
