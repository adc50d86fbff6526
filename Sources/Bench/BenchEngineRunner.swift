import PoolCore
import PoolEngine
import Sessions
import Workload

/// Runs the workloads on pooltop's own engine, through `WorkerPool`'s public API, in one mode.
///
/// Every run starts a fresh pool (as the Python peers do), warms it with one task per worker,
/// times the workload, then closes and joins the pool outside the timed part. Tasks are the
/// engine's simulated tasks (`submit(_:costNanos:tag:)`): real CPU on the engine's calibrated
/// loop, real blocking sleeps, and in process mode they cross the pipes to the worker processes.
struct BenchEngineRunner {
    let mode: PoolMode
    let parameters: BenchParameters
    /// The longest a batch may take before the run counts as failed.
    static let deadlineNanos: UInt64 = 120_000_000_000

    /// The pool's settings: the workers as the cap, no shared lock and no critical section (the
    /// peers have neither), everything else the engine's defaults.
    var configuration: PoolConfiguration {
        PoolConfiguration(mode: mode, cap: parameters.workers, lockEnabled: false, criticalSectionNanos: 0)
    }

    private static let noOp = TaskSpec(kind: .cpu, costNanos: 0)

    // MARK: - Availability

    /// Starts a pool in this mode and runs one task through it.
    /// - Returns: nil when that worked, else why the mode is not available here.
    func unavailability() -> String? {
        let pool = makePool()
        defer {
            pool.terminate()
            pool.join()
        }
        let result = pool.submit(Self.noOp, costNanos: 0, tag: .none, onFinish: nil)
        guard result == .accepted else { return "the pool refused a task (\(result))" }
        if pool.waitUntilIdle(deadline: MonotonicClock.now() + 5_000_000_000) { return nil }
        let snapshot = pool.snapshot()
        let lastEvent = snapshot.events.last.map { "; last event: \($0.message)" } ?? ""
        return "a \(mode.rawValue) pool started \(snapshot.liveWorkers) workers and ran no task in 5 s\(lastEvent)"
    }

    // MARK: - Runs

    /// Runs `workload` once and returns its figure in seconds: the wall time of the batch (A, B,
    /// C), of start and stop (D), or the median round trip (E).
    func measure(_ workload: BenchWorkload) throws(BenchFailure) -> BenchMeasurement {
        if workload == .cpu {
            let spec = TaskSpec(kind: .cpu, costNanos: parameters.cpuNanos)
            let (seconds, snapshot) = try batchWithSnapshot(spec, costNanos: parameters.cpuNanos, count: parameters.cpuTasks)
            return BenchMeasurement(seconds: seconds, cpuNanos: snapshot.meanComputeNanos * Double(parameters.cpuTasks))
        }
        return BenchMeasurement(seconds: try seconds(of: workload))
    }

    /// `workload`'s figure in seconds.
    private func seconds(of workload: BenchWorkload) throws(BenchFailure) -> Double {
        switch workload {
        case .startStop:
            let begun = MonotonicClock.now()
            let pool = makePool()
            // Worker processes start on their own threads: wait until all are up, so that this
            // measures 50 real starts and stops, not a pool closed before its workers existed.
            pool.waitForWorkers(deadline: MonotonicClock.now() + Self.deadlineNanos)
            pool.close()
            pool.join()
            return Self.seconds(since: begun)
        case .noOp: return try batch(Self.noOp, costNanos: 0, count: parameters.noOpTasks)
        case .blocking: return try batch(TaskSpec(kind: .io, costNanos: parameters.ioNanos), costNanos: parameters.ioNanos, count: parameters.ioTasks)
        case .cpu: return try batch(TaskSpec(kind: .cpu, costNanos: parameters.cpuNanos), costNanos: parameters.cpuNanos, count: parameters.cpuTasks)
        case .roundTrip: return try roundTrips()
        case .queueMemory: return try queuedBytesPerTask()
        }
    }

    /// Runs `batches` batches of `count` tasks back to back, with a sampler at `samplerFPS`
    /// snapshots a second (nil: none), and returns the tasks per second. With `recordingInto`, the
    /// sampler hands its snapshots to a recorder writing that file, which keeps every task's events.
    func throughput(_ spec: TaskSpec, costNanos: UInt64, count: Int, batches: Int, samplerFPS: Int?,
                    recordingInto path: String? = nil) throws(BenchFailure) -> Double {
        let session = LiveSession(configuration: configuration, scenario: Scenario(bursts: 1))
        let pool = session.pool
        defer { Self.shutDown(pool) }
        try submitAndWait(Self.noOp, costNanos: 0, count: parameters.workers, on: pool)
        let recorder = try path.map { path throws(BenchFailure) in try Self.recorder(into: path, of: session) }
        defer { recorder?.stop() }
        var offer: (@Sendable (PoolSnapshot) -> Void)?
        if let recorder { offer = { recorder.offer($0) } }
        let sampler = samplerFPS.map { fps in BenchSampler(pool: pool, fps: fps, onSnapshot: offer) }
        let begun = MonotonicClock.now()
        var failure: BenchFailure?
        for _ in 0..<batches {
            do throws(BenchFailure) { try submitAndWait(spec, costNanos: costNanos, count: count, on: pool) } catch {
                failure = error
                break
            }
        }
        let seconds = Self.seconds(since: begun)
        _ = sampler?.stop()
        if let failure { throw failure }
        return Double(count * batches) / seconds
    }

    // MARK: - Private

    private static func recorder(into path: String, of session: LiveSession) throws(BenchFailure) -> Recorder {
        do throws(RecordingError) {
            return try Recorder(path: path, source: session, header: RecordingHeader(recording: session))
        } catch {
            throw BenchFailure("cannot record: \(error)")
        }
    }

    private func makePool() -> WorkerPool {
        WorkerPool(configuration: configuration)
    }

    /// A pool that has run one no-op task per worker.
    private func warmedPool() throws(BenchFailure) -> WorkerPool {
        let pool = makePool()
        do throws(BenchFailure) {
            try submitAndWait(Self.noOp, costNanos: 0, count: parameters.workers, on: pool)
        } catch {
            Self.shutDown(pool)
            throw error
        }
        return pool
    }

    private func batch(_ spec: TaskSpec, costNanos: UInt64, count: Int) throws(BenchFailure) -> Double {
        try batchWithSnapshot(spec, costNanos: costNanos, count: count).seconds
    }

    /// The batch's wall time, and the pool's snapshot after it with statistics from the batch only
    /// (the warm-up's are reset), so its mean compute time is the batch's tasks'.
    private func batchWithSnapshot(_ spec: TaskSpec, costNanos: UInt64, count: Int) throws(BenchFailure) -> (seconds: Double, snapshot: PoolSnapshot) {
        let pool = try warmedPool()
        defer { Self.shutDown(pool) }
        pool.resetStatistics()
        let begun = MonotonicClock.now()
        try submitAndWait(spec, costNanos: costNanos, count: count, on: pool)
        let seconds = Self.seconds(since: begun)
        return (seconds, pool.snapshot())
    }

    private func submitAndWait(_ spec: TaskSpec, costNanos: UInt64, count: Int, on pool: WorkerPool) throws(BenchFailure) {
        for _ in 0..<count {
            let result = pool.submit(spec, costNanos: costNanos, tag: .none, onFinish: nil)
            guard result == .accepted else { throw BenchFailure("the pool refused a task (\(result))") }
        }
        guard pool.waitUntilIdle(deadline: MonotonicClock.now() + Self.deadlineNanos) else {
            throw BenchFailure("the batch did not finish within \(Self.deadlineNanos / 1_000_000_000) s")
        }
    }

    private func roundTrips() throws(BenchFailure) -> Double {
        let pool = try warmedPool()
        defer { Self.shutDown(pool) }
        let signal = WakeSignal()
        var trips: [Double] = []
        trips.reserveCapacity(parameters.trips)
        for _ in 0..<parameters.trips {
            let begun = MonotonicClock.now()
            let result = pool.submit(Self.noOp, costNanos: 0, tag: .none, onFinish: { _ in signal.signal() })
            guard result == .accepted else { throw BenchFailure("the pool refused a task (\(result))") }
            signal.wait()
            trips.append(Self.seconds(since: begun))
        }
        return SampleSummary(trips)?.median ?? 0
    }

    /// F: queues `queuedTasks` simulated tasks (requests of 5, as the scenario's) behind a cap of 1
    /// whose worker is held by a task waiting on a signal, and returns the heap bytes in use they
    /// added, per task. Not resident memory: this process has run other workloads, and the heap
    /// keeps freed blocks (the queue's old buffers as it doubles), which resident memory would count
    /// for one run and not the next. (The Python side measures a fresh process's resident memory.)
    private func queuedBytesPerTask() throws(BenchFailure) -> Double {
        let pool = WorkerPool(configuration: PoolConfiguration(mode: mode, cap: 1, lockEnabled: false, criticalSectionNanos: 0))
        let release = WakeSignal()
        defer {
            pool.terminate()
            release.signal()
            pool.join()
        }
        pool.waitForWorkers(deadline: MonotonicClock.now() + Self.deadlineNanos)
        _ = pool.submit { release.wait() }
        let deadline = MonotonicClock.now() + Self.deadlineNanos
        while pool.snapshot().totals.running == 0 {
            guard MonotonicClock.now() < deadline else { throw BenchFailure("the holding task never started") }
            MonotonicClock.sleep(until: MonotonicClock.now() + 1_000_000)
        }
        let spec = TaskSpec(kind: .io, costNanos: parameters.ioNanos)
        let before = HeapMemory.inUse
        let arrived = MonotonicClock.now()
        for index in 0..<parameters.queuedTasks {
            let tag = TaskTag(requestID: index / 5 + 1, taskIndex: index % 5, fanout: 5, requestArrivalNanos: arrived)
            guard pool.submit(spec, costNanos: parameters.ioNanos, tag: tag) == .accepted else { throw BenchFailure("the pool refused a task") }
        }
        let after = HeapMemory.inUse
        return Double(after > before ? after - before : 0) / Double(max(1, parameters.queuedTasks))
    }

    private static func shutDown(_ pool: WorkerPool) {
        pool.close()
        pool.join()
    }

    private static func seconds(since begun: UInt64) -> Double {
        Double(MonotonicClock.now() - begun) / 1e9
    }
}
