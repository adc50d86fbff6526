extension PoolSnapshot {
    /// The same snapshot with `events` as its events list (a recording keeps the list apart and
    /// puts it back when it reads a snapshot).
    public func withEvents(_ events: [PoolEvent]) -> PoolSnapshot {
        var copy = self
        copy.events = events
        return copy
    }

    /// The same snapshot as a replay shows it, with where the replay stands.
    public func withPlayback(_ playback: PlaybackStatus?) -> PoolSnapshot {
        var copy = self
        copy.playback = playback
        return copy
    }

    /// The same snapshot taken `nanos` later: its time and its events' times moved on (the bench's
    /// long recordings repeat a real run this way).
    public func shifted(by nanos: UInt64) -> PoolSnapshot {
        var copy = self
        copy.elapsedNanos &+= nanos
        copy.events = events.map { PoolEvent(elapsedNanos: $0.elapsedNanos &+ nanos, kind: $0.kind, message: $0.message) }
        return copy
    }
}
