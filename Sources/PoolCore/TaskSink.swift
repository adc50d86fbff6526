/// Something that runs simulated tasks: what the workload generator drives.
///
/// The engine's pool conforms; tests can conform with a recorder. Kept here so that `Workload`
/// depends on `PoolCore` only.
public protocol TaskSink: AnyObject, Sendable {
    /// Submits one task doing `spec`'s kind of work for `costNanos` (before the time scale).
    func submit(_ spec: TaskSpec, costNanos: UInt64, tag: TaskTag) -> SubmitResult
    /// Notes that a request arrived, so it counts as in service before its tasks end.
    func requestArrived(_ tag: TaskTag)
    /// Adds a line to the events list.
    func record(_ kind: PoolEvent.Kind, _ message: String)
    /// Now, on the clock the sink uses for task and request times.
    var nowNanos: UInt64 { get }
}
