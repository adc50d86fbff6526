/// A change asked of a `PoolSource`: the dashboard's keys, a lesson's steps, a script.
///
/// Every source answers each command with a `CommandReply`; `kind` names the command without its
/// value, for `SourceCapabilities`.
public enum PoolCommand: Sendable, Hashable, Codable, SchemaVersioned {
    /// The schema commands are written under (recordings keep the commands applied).
    public static let schema = "pooltop.command/1"

    /// Set the cap to this many workers (clamped to `PoolLimits.cap`).
    case resize(to: Int)
    case switchMode(to: PoolMode)
    case setWorkKind(WorkKind)
    case setLockEnabled(Bool)
    case setInterpreterLockEnabled(Bool)
    /// Kill one busy worker (fault injection; processes only).
    case killWorker
    /// Multiply every task cost by this (slow motion), within `PoolLimits.timeScale`.
    case setTimeScale(Double)
    /// Fire one burst of requests now.
    case fireBurst
    /// Turn continuous arrivals (a burst every interval) on or off.
    case setArrivalsEnabled(Bool)
    /// Set how long each task stays inside the shared lock's critical section, in nanoseconds,
    /// for tasks that start from now on (clamped to `PoolLimits.criticalSection`).
    case setCriticalSection(nanos: UInt64)
    /// Forget statistics (histograms, lock figures, totals' rates).
    case resetStatistics
    /// What a full bounded queue does with new work, from now on.
    case setRejectPolicy(RejectPolicy)
    /// Let this adaptive limiter move the cap within its bounds (`fixed`: the cap stays where
    /// it is).
    case setLimiter(LimitSettings)

    /// A command's name without its value.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case resize, switchMode, setWorkKind, setLockEnabled, setInterpreterLockEnabled, killWorker
        case setTimeScale, fireBurst, setArrivalsEnabled, resetStatistics, setRejectPolicy, setCriticalSection, setLimiter
    }

    /// This command's kind.
    public var kind: Kind {
        switch self {
        case .resize: return .resize
        case .switchMode: return .switchMode
        case .setWorkKind: return .setWorkKind
        case .setLockEnabled: return .setLockEnabled
        case .setInterpreterLockEnabled: return .setInterpreterLockEnabled
        case .killWorker: return .killWorker
        case .setTimeScale: return .setTimeScale
        case .fireBurst: return .fireBurst
        case .setArrivalsEnabled: return .setArrivalsEnabled
        case .resetStatistics: return .resetStatistics
        case .setRejectPolicy: return .setRejectPolicy
        case .setCriticalSection: return .setCriticalSection
        case .setLimiter: return .setLimiter
        }
    }
}
