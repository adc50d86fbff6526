/// Anything pooltop can watch and steer: the live engine driven by a scenario, and in time a
/// recording being replayed, a real Python program's pools, a Celery cluster.
///
/// The dashboard, `run`, `render`, `sweep` and the bench talk to a source, never to an engine
/// directly. A source publishes complete snapshots (nothing patches one after it leaves), answers
/// every command with accepted or refused-with-a-reason, and says up front what it can do.
///
/// A source is shared between the thread that draws and the threads it runs on: conforming types
/// are final classes that keep their state behind a lock.
public protocol PoolSource: AnyObject, Sendable {
    /// What this source accepts.
    var capabilities: SourceCapabilities { get }

    /// The pool as it is now, complete.
    /// - Parameter latencyMaxAgeNanos: how old latency percentiles may be before they are
    ///   computed again (live screens pass a few hundred milliseconds; 0 always computes them).
    func snapshot(latencyMaxAgeNanos: UInt64) -> PoolSnapshot

    /// Carries out `command`, or refuses it with a reason.
    @discardableResult
    func perform(_ command: PoolCommand) -> CommandReply

    /// The newest events (resizes, mode switches, bursts, crashes), oldest first.
    var recentEvents: [PoolEvent] { get }

    /// Starts or stops keeping every task's submission and run for `takeTaskEvents()` (a recording
    /// asks for them; nobody pays for them otherwise).
    func keepTaskEvents(_ keep: Bool)

    /// The task events kept since the last call, oldest first; none when none are kept, or when
    /// nothing runs (a replay).
    func takeTaskEvents() -> [TaskEvent]

    /// Stops the source: no new work starts, its threads and processes are told to go. Calling it
    /// twice is harmless.
    func stop()
}
