/// Where a replay stands: shown in the header as `REPLAY name 0:12.3 / 1:30.0 ×1`.
public struct PlaybackStatus: Sendable, Hashable, Codable {
    /// The recording's file name.
    public var name: String
    /// The playhead, in nanoseconds from the recording's start.
    public var positionNanos: UInt64
    /// The recording's length, in nanoseconds.
    public var durationNanos: UInt64
    /// Playback speed: 1 is real time, 2 twice as fast, 1/2 half as fast.
    public var speed: Double
    /// True while the playhead moves.
    public var isPlaying: Bool

    public init(name: String, positionNanos: UInt64, durationNanos: UInt64, speed: Double, isPlaying: Bool) {
        self.name = name
        self.positionNanos = positionNanos
        self.durationNanos = durationNanos
        self.speed = speed
        self.isPlaying = isPlaying
    }

    /// How far the playhead is through the recording, 0...1.
    public var fraction: Double {
        durationNanos == 0 ? 1 : min(1, Double(positionNanos) / Double(durationNanos))
    }
}
