import PoolCore

/// What `--mode` picks: one of the engine's pool modes, or a Celery cluster (`celery`, reached
/// through `--broker`), whose source is a `CelerySession` instead of a `LiveSession`.
public enum SourceMode: String, Sendable, Hashable, CaseIterable {
    case threads, processes, unbounded, celery

    /// The engine's mode (a Celery cluster's prefork workers are processes).
    public var poolMode: PoolMode { PoolMode(rawValue: rawValue) ?? .processes }
}
