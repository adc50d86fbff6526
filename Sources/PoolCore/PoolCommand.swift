/// A change the dashboard asks for: the effects `Dashboard.update` returns, carried out by the runner.
///
/// Commands about the pool go to the engine; commands about arrivals and work go to the workload.
public enum PoolCommand: Sendable, Hashable {
    /// Set the cap to this many workers (clamped to 1...4096).
    case resize(to: Int)
    case switchMode(to: PoolMode)
    case setWorkKind(WorkKind)
    case setLockEnabled(Bool)
    case setInterpreterLockEnabled(Bool)
    /// Kill one busy worker (fault injection; processes only).
    case killWorker
    /// Multiply every task cost by this (slow motion).
    case setTimeScale(Double)
    /// Fire one burst of requests now.
    case fireBurst
    /// Turn continuous arrivals (a burst every interval) on or off.
    case setArrivalsEnabled(Bool)
    /// Forget statistics (histograms, lock figures, totals' rates).
    case resetStatistics
}
