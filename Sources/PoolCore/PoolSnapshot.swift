/// Everything the pool looks like at one instant: a value its `PoolSource` builds whole, each
/// frame; nothing changes it after it leaves the source.
///
/// The dashboard renders only from snapshots; recordings store them (schema `pooltop.snapshot/1`,
/// see `Versioned`); tests build them by hand.
public struct PoolSnapshot: Sendable, Hashable, Codable, SchemaVersioned {
    /// The schema snapshots are written under.
    public static let schema = "pooltop.snapshot/1"

    /// Nanoseconds since the pool started.
    public var elapsedNanos: UInt64
    public var configuration: PoolConfiguration
    /// Cores the machine has (for the sizing formula).
    public var cores: Int
    /// One entry per slot: at least `cap` of them, more while retiring workers finish.
    public var slots: [SlotState]
    /// Workers alive (threads or processes), including retiring and starting ones.
    public var liveWorkers: Int
    /// The most tasks ever running at once.
    public var peakBusy: Int
    /// The most OS threads the pool ever had at once (workers plus per-task threads).
    public var peakThreads: Int
    public var totals: TaskTotals
    public var peakQueueDepth: Int
    /// The first tasks in the queue, oldest first (at most 64).
    public var queueHead: [QueuedTask]
    /// Tasks completed per second over the last sample interval.
    public var tasksPerSecond: Double
    /// Requests completed per second over the last sample interval.
    public var requestsPerSecond: Double
    public var lock: LockStats
    public var interpreterLock: LockStats
    public var counter: CounterStats
    /// From submission to the start of running.
    public var queueWait: LatencySummary
    /// From the start of running to the end.
    public var service: LatencySummary
    public var requests: RequestStats
    /// Mean CPU and blocking nanoseconds per finished task, as measured (for N = cores × (1 + W/C)).
    public var meanComputeNanos: Double
    public var meanBlockedNanos: Double
    public var process: ProcessStats
    /// True once unbounded mode had tasks waiting because the thread ceiling was reached.
    public var ceilingHit: Bool
    /// Process mode's worker processes: started, crashed, replaced (all zero in other modes).
    public var workers: WorkerProcessStats
    /// The newest events, oldest first.
    public var events: [PoolEvent]
    /// What the request generator is doing; nil when the pool is driven by something else.
    public var workload: WorkloadStatus?
    /// Where the replay stands, when the snapshot comes from a recording being replayed.
    public var playback: PlaybackStatus?
    /// What is shown, when it is not pooltop's own engine: the pool of a watched program
    /// (`ThreadPoolExecutor 1234:1, 8 workers, created at script.py:14`).
    public var sourceTitle: String?
    /// How such a source stands, when that matters more than its figures: `the program exited
    /// with status 0 · q quits`.
    public var sourceStatus: String?
    /// What the header calls the mode when the source is not pooltop's engine (`celery`).
    public var modeLabel: String?
    /// What the system panel says instead of pooltop's own process figures, when those are not
    /// the pool's (a Celery cluster's workers run on their own hosts).
    public var systemNote: String?
    /// The adaptive limiter moving the cap, while one is on.
    public var limiter: LimiterStatus?

    public init(
        elapsedNanos: UInt64 = 0, configuration: PoolConfiguration = PoolConfiguration(), cores: Int = 1,
        slots: [SlotState] = [], liveWorkers: Int = 0, peakBusy: Int = 0, peakThreads: Int = 0,
        totals: TaskTotals = TaskTotals(), peakQueueDepth: Int = 0, queueHead: [QueuedTask] = [],
        tasksPerSecond: Double = 0, requestsPerSecond: Double = 0, lock: LockStats = LockStats(),
        interpreterLock: LockStats = LockStats(), counter: CounterStats = CounterStats(),
        queueWait: LatencySummary = .empty, service: LatencySummary = .empty, requests: RequestStats = RequestStats(),
        meanComputeNanos: Double = 0, meanBlockedNanos: Double = 0, process: ProcessStats = ProcessStats(),
        ceilingHit: Bool = false, workers: WorkerProcessStats = WorkerProcessStats(), events: [PoolEvent] = [],
        workload: WorkloadStatus? = nil, playback: PlaybackStatus? = nil, sourceTitle: String? = nil,
        sourceStatus: String? = nil, modeLabel: String? = nil, systemNote: String? = nil,
        limiter: LimiterStatus? = nil
    ) {
        self.elapsedNanos = elapsedNanos
        self.configuration = configuration
        self.cores = cores
        self.slots = slots
        self.liveWorkers = liveWorkers
        self.peakBusy = peakBusy
        self.peakThreads = peakThreads
        self.totals = totals
        self.peakQueueDepth = peakQueueDepth
        self.queueHead = queueHead
        self.tasksPerSecond = tasksPerSecond
        self.requestsPerSecond = requestsPerSecond
        self.lock = lock
        self.interpreterLock = interpreterLock
        self.counter = counter
        self.queueWait = queueWait
        self.service = service
        self.requests = requests
        self.meanComputeNanos = meanComputeNanos
        self.meanBlockedNanos = meanBlockedNanos
        self.process = process
        self.ceilingHit = ceilingHit
        self.workers = workers
        self.events = events
        self.workload = workload
        self.playback = playback
        self.sourceTitle = sourceTitle
        self.sourceStatus = sourceStatus
        self.modeLabel = modeLabel
        self.systemNote = systemNote
        self.limiter = limiter
    }

    /// Tasks running now.
    public var busy: Int { totals.running }

    /// True when the tasks come in requests (pooltop's own bursts); false for a watched
    /// program, whose every task is a call of its own (a `submit`, a chunk of a `map`).
    public var hasRequests: Bool { workload != nil || sourceTitle == nil }
    /// Tasks waiting in the queue now.
    public var queueDepth: Int { totals.queued }
}
