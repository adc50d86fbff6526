import Foundation
import PoolCore
import PoolEngine
import Workload

/// A scenario run to its end without a screen (`pooltop run`, each point of a sweep, the
/// sweep overlay): a `LiveSession` stepped by its own driver thread, sampled at an interval.
public struct HeadlessRun: Sendable {
    public var configuration: PoolConfiguration
    public var scenario: Scenario
    /// Sampling interval for `onSample`, in nanoseconds.
    public var sampleIntervalNanos: UInt64 = 100_000_000
    /// Process mode: worker processes SIGKILLed per second during the run (0: none).
    public var chaosKillsPerSecond: Double = 0
    /// Whether the pool is sampled while it runs, for `onSample`. Without it (nobody shows the
    /// samples) the pool is left alone until its end: a snapshot takes the queue lock and reads
    /// `/proc`. A recording is sampled all the same.
    public var samplesWhileRunning = true

    /// A run of `scenario` in a pool with `configuration`.
    public init(configuration: PoolConfiguration, scenario: Scenario, sampleIntervalNanos: UInt64 = 100_000_000,
                chaosKillsPerSecond: Double = 0) {
        self.configuration = configuration
        self.scenario = scenario
        self.sampleIntervalNanos = sampleIntervalNanos
        self.chaosKillsPerSecond = chaosKillsPerSecond
    }

    /// Runs to completion: every burst submitted, every task ended; calls `onSample` at the interval
    /// with a snapshot and the fraction of the planned tasks that have ended.
    /// - Returns: the summary and the final snapshot.
    public func run(onSample: (PoolSnapshot, _ progress: Double) -> Void) -> (RunSummary, PoolSnapshot) {
        execute(LiveSession(configuration: configuration, scenario: scenario), recorder: nil, onSample: onSample)
    }

    /// Runs to completion as `run(onSample:)` does, recording it into `path` (`run --record`).
    /// - Returns: the summary, the final snapshot, and the recorder (stopped; its `failure` says
    ///   whether the recording broke off).
    /// - Throws: when the file cannot be created (then nothing runs).
    public func run(recordingInto path: String,
                    onSample: (PoolSnapshot, _ progress: Double) -> Void) throws(RecordingError) -> (RunSummary, PoolSnapshot, Recorder) {
        let session = LiveSession(configuration: configuration, scenario: scenario)
        let recorder: Recorder
        do throws(RecordingError) {
            recorder = try Recorder(path: path, source: session, header: RecordingHeader(recording: session))
        } catch {
            session.stop()
            throw error
        }
        let (summary, snapshot) = execute(session, recorder: recorder, onSample: onSample)
        recorder.stop()
        return (summary, snapshot, recorder)
    }

    /// Runs to completion as `run(onSample:)` does, keeping a recording in `recordPath` and a
    /// Perfetto trace in `tracePath` when they are given (a trace without a recording goes through
    /// a temporary one).
    /// - Throws: when a file cannot be written, or the recording broke off.
    public func run(recordInto recordPath: String?, traceInto tracePath: String?,
                    onSample: (PoolSnapshot, _ progress: Double) -> Void) throws(RecordingError) -> RunSummary {
        guard let path = recordPath ?? tracePath.map({ _ in NSTemporaryDirectory() + "pooltop-trace-\(getpid()).rec" }) else {
            return run(onSample: onSample).0
        }
        defer { if recordPath == nil { try? FileManager.default.removeItem(atPath: path) } }
        let (summary, _, recorder) = try run(recordingInto: path, onSample: onSample)
        if let failure = recorder.failure { throw failure }
        if let tracePath { try PerfettoExport.write(try Recording(contentsOf: path), to: tracePath) }
        return summary
    }

    private func execute(_ session: LiveSession, recorder: Recorder?,
                         onSample: (PoolSnapshot, _ progress: Double) -> Void) -> (RunSummary, PoolSnapshot) {
        let pool = session.pool
        // Like a Python pool created before `map`: the clock starts once the workers are up.
        pool.waitForWorkers(deadline: MonotonicClock.now() &+ 30_000_000_000)
        let totalTasks = scenario.requests * scenario.fanout * (scenario.bursts ?? 1)
        let cpuBefore = CPUTime.processTree(children: pool.workerProcessIDs)
        let start = MonotonicClock.now()
        session.start()
        let chaos = ChaosMonkey(pool: pool, killsPerSecond: chaosKillsPerSecond, seed: scenario.seed)
        chaos.start()
        let sampling = samplesWhileRunning || recorder != nil
        var nextSample = start + sampleIntervalNanos
        while !(session.driver.isFinished && pool.waitUntilIdle(deadline: MonotonicClock.now())) {
            let deadline = min(nextSample, MonotonicClock.now() + sampleIntervalNanos)
            if session.driver.isFinished {
                pool.waitUntilIdle(deadline: deadline)
            } else {
                session.driver.waitUntilFinished(deadline: deadline)
            }
            guard MonotonicClock.now() >= nextSample else { continue }
            nextSample += sampleIntervalNanos
            guard sampling else { continue }
            let snapshot = session.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)
            recorder?.offer(snapshot)
            onSample(snapshot, Double(snapshot.totals.finished + snapshot.totals.rejected) / Double(max(1, totalTasks)))
        }
        let wall = MonotonicClock.now() - start
        chaos.stop()
        session.stopLimiterThread()
        pool.close()
        pool.join()
        // After join every worker process is reaped, so its CPU is in the figure.
        let cpu = CPUTime.processAndReapedChildren() - cpuBefore
        let snapshot = session.snapshot(latencyMaxAgeNanos: 0)
        recorder?.offer(snapshot, force: true)
        var summary = RunSummary(scenario: scenario, snapshot: snapshot, wallNanos: wall)
        summary.cpuPercent = Double(cpu) / Double(max(1, wall)) * 100
        return (summary, snapshot)
    }
}
