import Foundation
import PoolCore
import PoolEngine

extension RecordingHeader {
    /// How often a recording keeps a snapshot: as often as the dashboard's graphs sample.
    public static let defaultSampleIntervalNanos: UInt64 = 100_000_000
    /// How often a recording writes an index line.
    public static let defaultIndexIntervalNanos: UInt64 = 10_000_000_000

    /// The header of a recording of `session` starting now.
    public init(recording session: LiveSession, sampleIntervalNanos: UInt64 = RecordingHeader.defaultSampleIntervalNanos) {
        self.init(pooltop: PooltopVersion.number, scenario: session.scenario, configuration: session.configuration,
                  cores: MonotonicClock.cores, started: ISO8601DateFormatter().string(from: Date()),
                  sampleIntervalNanos: sampleIntervalNanos, indexIntervalNanos: Self.defaultIndexIntervalNanos)
    }

    /// A file name for a recording started now with `R`: `pooltop-20261201-193012.rec`.
    public static func defaultFileName(at date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "pooltop-\(formatter.string(from: date)).rec"
    }
}
