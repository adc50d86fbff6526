import PoolCore
import Workload

/// The first line of a recording (schema `pooltop.recording/1`): what was recorded, where and when.
public struct RecordingHeader: Sendable, Hashable, Codable, SchemaVersioned {
    public static let schema = "pooltop.recording/1"

    /// The pooltop version that wrote the file.
    public var pooltop: String
    /// The scenario the source ran, when it ran one.
    public var scenario: Scenario?
    /// The pool's settings when recording started.
    public var configuration: PoolConfiguration
    /// Cores of the machine.
    public var cores: Int
    /// When recording started, as UTC ISO 8601 (`2026-12-01T19:30:00Z`).
    public var started: String
    /// Nanoseconds between two snapshots.
    public var sampleIntervalNanos: UInt64
    /// Nanoseconds between two index lines.
    public var indexIntervalNanos: UInt64

    public init(pooltop: String, scenario: Scenario?, configuration: PoolConfiguration, cores: Int, started: String,
                sampleIntervalNanos: UInt64, indexIntervalNanos: UInt64) {
        self.pooltop = pooltop
        self.scenario = scenario
        self.configuration = configuration
        self.cores = cores
        self.started = started
        self.sampleIntervalNanos = sampleIntervalNanos
        self.indexIntervalNanos = indexIntervalNanos
    }
}
