import CPoolSupport
import DequeModule
import Glibc
import PoolCore

/// A real worker pool: OS threads (thread mode), worker processes each fed by a pool thread
/// (process mode) or a thread per task (unbounded mode), one FIFO queue, a cap that is never
/// exceeded, and Python's lifecycle words.
///
/// Each mode is an `Executor` (`ThreadExecutor`, `ProcessExecutor`, `UnboundedExecutor`); the pool
/// asks the executor of its current mode whatever differs between modes.
///
/// All mutable state lives in one `PoolState` behind one lock (the queue's), changed only by its
/// methods; workers take the lock only to fetch their next task, and hand back the previous task's
/// figures in the same visit.
/// Slot states and lock figures are atomics the sampler reads without any lock.
public final class WorkerPool {
    let queueLock = ConditionLock()
    var state: PoolState  // protected by queueLock
    let slots: SlotBoard
    let sharedLock = InstrumentedLock()
    let counter = SharedCounter()
    let interpreterLock = InterpreterLock()
    let burner: CPUBurner
    /// When the pool started, on the monotonic clock.
    public let origin: UInt64
    let sampling: SamplingState
    let probe: PoolProbe
    /// Process mode's shared region and live children; nil if the region could not be made (then
    /// process mode is refused).
    let processes: ProcessWorkers?
    /// How long `terminate` lets a worker process end after SIGTERM before it sends SIGKILL.
    public static let terminationGraceNanos: UInt64 = 2_000_000_000

    /// Starts a pool with `configuration`; in thread and process mode its workers start at once.
    /// - Parameter workerCommand: how process mode starts a worker (by default `pooltop-worker`
    ///   beside this binary, else this binary re-run as `pooltop worker`).
    public convenience init(configuration: PoolConfiguration, burner: CPUBurner = .shared,
                            workerCommand: WorkerCommand = .standard) {
        self.init(configuration: configuration, burner: burner, probe: PoolProbe(), workerCommand: workerCommand)
    }

    /// Starts a pool whose tasks report to `probe` (tests).
    init(configuration: PoolConfiguration, burner: CPUBurner, probe: PoolProbe,
         workerCommand: WorkerCommand = .standard) {
        self.probe = probe
        let origin = MonotonicClock.now()
        self.origin = origin
        self.burner = burner
        self.slots = SlotBoard(origin: origin)
        var configuration = configuration
        configuration.cap = PoolLimits.clampCap(configuration.cap)
        configuration.ceiling = PoolLimits.clampCap(configuration.ceiling)
        self.state = PoolState(configuration: configuration, origin: origin)
        state.keepLimitSamples(configuration.limiter?.algorithm.isAdaptive == true)
        self.sampling = SamplingState(origin: origin)
        self.processes = try? ProcessWorkers(command: workerCommand, origin: origin)
        if !configuration.mode.executor.isAvailable(in: self) { state.fallBack(to: .threads) }
        let started = queueLock.withLock { state.balanceWorkers() }
        startWorkers(in: started)
    }

    // MARK: - Submitting

    /// Submits a closure; the future gives its result (or error) once it has run.
    @discardableResult
    public func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> TaskFuture<T> {
        let future = TaskFuture<T>()
        let work: @Sendable () throws -> Void = {
            let result = Result { try body() }
            future.fulfil(with: result)
            _ = try result.get()
        }
        let result = enqueue(Job(work: .closure(work), tag: .none,
                                 enqueuedAt: MonotonicClock.now(), onFinish: { outcome in future.end(outcome) }))
        if result != .accepted, result != .ranByCaller { future.end(.rejected) }
        return future
    }

    /// Runs `body` on every element through the pool and returns the results in input order,
    /// like Python's `Pool.map`; the first error is rethrown once every task has ended.
    public func map<Element: Sendable, T: Sendable>(_ elements: [Element], _ body: @escaping @Sendable (Element) throws -> T) throws -> [T] {
        let futures = elements.map { element in submit { try body(element) } }
        let results = futures.map { future in Result { try future.value() } }
        return try results.map { try $0.get() }
    }

    /// Submits a simulated task, as the workload generator does.
    public func submit(_ spec: TaskSpec, costNanos: UInt64, tag: TaskTag, onFinish: (@Sendable (TaskOutcome) -> Void)? = nil) -> SubmitResult {
        enqueue(Job(work: .simulated(spec, costNanos: costNanos), tag: tag, enqueuedAt: MonotonicClock.now(), onFinish: onFinish),
                requestArrivalNanos: tag.requestArrivalNanos)
    }

    /// Queues `job`, applying the queue bound's rejection policy; its request arrived at
    /// `requestArrivalNanos` (for a task that belongs to one).
    func enqueue(_ job: Job, requestArrivalNanos: UInt64 = 0) -> SubmitResult {
        queueLock.lock()
        switch state.admit(job, requestArrivalNanos: requestArrivalNanos) {
        case .accepted(let dropped):
            let launches = state.dispatchQueued()
            if state.claimWakeup() { queueLock.signal(.work) }
            queueLock.unlock()
            startTaskThreads(launches)
            dropped?.onFinish?(.cancelled)
            return .accepted
        case .refused(let result):
            queueLock.unlock()
            job.onFinish?(.rejected)
            return result
        case .runByCaller:
            let now = MonotonicClock.now()
            queueLock.unlock()
            runInCaller(job, now: now)
            return .ranByCaller
        }
    }

    /// Runs a task on the submitting thread (caller-runs); it is not counted against the cap.
    private func runInCaller(_ job: Job, now: UInt64) {
        let settings = queueLock.withLock { state.configuration }
        let record = execute(job, slot: nil, startedAt: now, settings: settings)
        queueLock.withLock { state.ranInCaller(record) }
        job.onFinish?(record.outcome)
    }

    // MARK: - Lifecycle

    /// Stops taking work; queued tasks still run, then the workers exit (Python's `close`).
    public func close() {
        queueLock.withLock {
            state.close()
            queueLock.broadcast(.work)
            queueLock.broadcast(.change)
        }
    }

    /// Cancels every queued task and stops taking work; running tasks finish (Python's `terminate`
    /// for threads, which cannot be killed). Returns the number of tasks cancelled.
    @discardableResult
    public func terminate() -> Int {
        let cancelled = queueLock.withLock {
            let cancelled = state.terminate(now: MonotonicClock.now())
            queueLock.broadcast(.work)
            queueLock.broadcast(.change)
            return cancelled
        }
        for job in cancelled { job.onFinish?(.cancelled) }
        stopWorkerProcesses()
        return cancelled.count
    }

    /// Process mode's half of `terminate`: SIGTERM to every worker process (their running tasks
    /// end as cancelled), then SIGKILL to any still alive after the grace period.
    private func stopWorkerProcesses() {
        guard let processes, processes.signalAll(SIGTERM) > 0 else { return }
        _ = ThreadLauncher.start(stackBytes: 64 * 1024) {
            MonotonicClock.sleep(until: MonotonicClock.now() &+ Self.terminationGraceNanos)
            processes.signalAll(SIGKILL)
        }
    }

    /// Waits until the pool is closed or terminated, every task has ended and every thread is gone.
    /// Call `close()` or `terminate()` first, or this waits for ever.
    public func join() {
        queueLock.withLock {
            while !state.isFinished { queueLock.wait(on: .change) }
        }
    }

    /// Waits until the queue is empty and no task runs (the pool stays open); true if that happened
    /// before `deadline` (monotonic nanoseconds), if one is given.
    @discardableResult
    public func waitUntilIdle(deadline: UInt64? = nil) -> Bool {
        queueLock.lock()
        defer { queueLock.unlock() }
        while !state.isIdle {
            if let deadline {
                if MonotonicClock.now() >= deadline { return false }
                queueLock.wait(on: .change, until: deadline)
            } else {
                queueLock.wait(on: .change)
            }
        }
        return true
    }
}

// All mutable state is `state`, guarded by `queueLock`; the rest are Sendable lets.
extension WorkerPool: @unchecked Sendable {}
