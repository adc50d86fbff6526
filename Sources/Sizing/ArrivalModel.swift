import PoolCore

/// How a sweep's tasks arrive, as a queueing model needs it: the input that picks the model
/// (Erlang C for random arrivals, the fluid burst for a burst) and gives its arrival figures.
public enum ArrivalModel: Sendable, Hashable {
    /// Tasks arriving at random (requests arriving as a Poisson process) at `tasksPerSecond`, in
    /// groups of `tasksPerArrival` (a request's fan-out: its tasks arrive together).
    case poisson(tasksPerSecond: Double, tasksPerArrival: Int)
    /// `tasks` tasks arriving within `windowSeconds` (0: all at once), one burst at a time.
    case burst(tasks: Int, windowSeconds: Double)
}
