/// Everything that shapes how the pool runs, as one value.
///
/// The engine starts from one and changes it live through `PoolCommand`s.
public struct PoolConfiguration: Sendable, Hashable, Codable {
    /// The default safety ceiling on threads in unbounded mode.
    public static let defaultCeiling = 2048

    public var mode: PoolMode
    /// At most this many tasks start running at once (thread and process mode).
    public var cap: Int
    /// The most tasks the queue holds; nil for unbounded.
    public var queueBound: Int?
    public var rejectPolicy: RejectPolicy
    /// Whether tasks take the shared lock around their counter update.
    public var lockEnabled: Bool
    /// Nanoseconds spent inside the critical section (between load and store of the counter).
    public var criticalSectionNanos: UInt64
    /// Whether thread mode emulates CPython's global interpreter lock.
    public var interpreterLockEnabled: Bool
    /// How long CPU work holds the interpreter lock before offering it to a waiter (CPython: 5 ms).
    public var switchIntervalNanos: UInt64
    /// In unbounded mode, the most threads at once; past it tasks wait.
    public var ceiling: Int
    /// Every task cost is multiplied by this (slow motion for a classroom); 1 is real time.
    public var timeScale: Double
    /// The adaptive limiter that moves the cap, and its bounds; nil: the cap stays where it is set.
    public var limiter: LimitSettings?

    public init(
        mode: PoolMode = .threads,
        cap: Int = 50,
        queueBound: Int? = nil,
        rejectPolicy: RejectPolicy = .abort,
        lockEnabled: Bool = true,
        criticalSectionNanos: UInt64 = 20_000,
        interpreterLockEnabled: Bool = false,
        switchIntervalNanos: UInt64 = 5_000_000,
        ceiling: Int = PoolConfiguration.defaultCeiling,
        timeScale: Double = 1,
        limiter: LimitSettings? = nil
    ) {
        self.mode = mode
        self.cap = cap
        self.queueBound = queueBound
        self.rejectPolicy = rejectPolicy
        self.lockEnabled = lockEnabled
        self.criticalSectionNanos = criticalSectionNanos
        self.interpreterLockEnabled = interpreterLockEnabled
        self.switchIntervalNanos = switchIntervalNanos
        self.ceiling = ceiling
        self.timeScale = timeScale
        self.limiter = limiter
    }
}
