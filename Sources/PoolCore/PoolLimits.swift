/// Every range a setting may take, in one place: the command line validates against these, the
/// dashboard's keys stop at them, and the engine clamps to them.
public enum PoolLimits {
    /// The pool's cap, and unbounded mode's thread ceiling: `--cap`, `--ceiling`, `+`/`-`/`]`/`[`.
    public static let cap = 1...4096
    /// The time scale (slow motion): `--slowmo` and `<`/`>` move within 1/16…64.
    public static let timeScale: ClosedRange<Double> = 1.0 / 16 ... 64
    /// Frames per second of a live screen: `--fps`.
    public static let fps = 1...60
    /// Tasks one request fans out into: `--fanout`.
    public static let fanout = 1...1000
    /// Time a task spends inside the shared lock's critical section, in nanoseconds: 0…100 ms.
    /// A live change (`PoolCommand.setCriticalSection`) is clamped to it.
    public static let criticalSection: ClosedRange<UInt64> = 0...100_000_000

    /// `cap` moved into `cap`'s range.
    public static func clampCap(_ cap: Int) -> Int {
        Swift.min(Self.cap.upperBound, Swift.max(Self.cap.lowerBound, cap))
    }

    /// `nanos` moved into `criticalSection`'s range.
    public static func clampCriticalSection(_ nanos: UInt64) -> UInt64 {
        Swift.min(criticalSection.upperBound, Swift.max(criticalSection.lowerBound, nanos))
    }

    /// `scale` moved into `timeScale`'s range.
    public static func clampTimeScale(_ scale: Double) -> Double {
        Swift.min(timeScale.upperBound, Swift.max(timeScale.lowerBound, scale))
    }
}
