/// What the replay keys ask of a recording being replayed: the effects of space, ←/→, `,`/`.`,
/// `<`/`>`, Home/End and a click on the progress bar.
public enum PlaybackCommand: Sendable, Hashable, Codable {
    /// Play if paused, pause if playing (at the end: play again from the start).
    case togglePlaying
    /// Move by this many samples (negative: back) and pause.
    case step(Int)
    /// Move the playhead by this many nanoseconds (negative: back).
    case skip(nanos: Int64)
    /// Move the playhead to this fraction of the recording (0...1).
    case seek(fraction: Double)
    /// Multiply the speed by this factor, within `PoolLimits.timeScale` (`<` halves, `>` doubles).
    case changeSpeed(by: Double)
    /// To the first sample.
    case toStart
    /// To the last sample, paused.
    case toEnd
}
