import Foundation
import PoolCore

/// What `pooltop watch --json` prints when the program ends (schema `pooltop.watch/1`): each pool's
/// kind, workers, tasks, peak, latencies and worker deaths, and the program's exit status.
public struct WatchSummary: Sendable, Encodable {
    public struct Percentiles: Sendable, Encodable {
        public var p50: Double, p90: Double, p99: Double, max: Double
    }

    public struct Tasks: Sendable, Encodable {
        public var submitted: Int, completed: Int, failed: Int, cancelled: Int, rejected: Int
        /// Of the failed: lost with a dead `multiprocessing.Pool` worker (the pool waits for them
        /// forever), and failed with `BrokenProcessPool`.
        public var lost: Int, broken: Int
    }

    public struct Pool: Sendable, Encodable {
        public var id: String, kind: String, workers: Int, site: String?, startMethod: String?
        public var tasks: Tasks
        public var peakBusy: Int
        public var queueWaitMs: Percentiles, runTimeMs: Percentiles
        public var workersSeen: Int, workerDeaths: Int
        /// Mean CPU time per task, when the probe measured it (Goetz's C).
        public var cpuMsMean: Double?
    }

    public var schema = "pooltop.watch/1"
    public var command: [String]
    /// The exit code, or 128 + the signal that ended the program; nil if it was still running.
    public var exitStatus: Int?
    public var python: String?
    public var pools: [Pool]
    public var lockAcquisitions: Int
    public var lockWaitMsTotal: Double

    /// Waits for `session`'s program to end, stops the session, and sums it up.
    public init(waitingFor session: WatchSession) {
        session.waitForProgram()
        session.stop()
        self.init(session)
    }

    /// The summary of `session` as it stands.
    public init(_ session: WatchSession) {
        let model = session.modelCopy
        command = session.command
        exitStatus = session.exitStatus.map(Int.init)
        python = model.python
        let ms = { (summary: LatencySummary) in
            Percentiles(p50: Double(summary.p50) / 1e6, p90: Double(summary.p90) / 1e6, p99: Double(summary.p99) / 1e6,
                        max: Double(summary.max) / 1e6)
        }
        pools = model.pools.map { pool in
            Pool(id: pool.id, kind: pool.kind, workers: pool.maxWorkers, site: pool.site, startMethod: pool.method,
                 tasks: Tasks(submitted: pool.submitted, completed: pool.completed, failed: pool.failed, cancelled: pool.cancelled,
                              rejected: pool.rejected, lost: pool.lost, broken: pool.broken),
                 peakBusy: pool.peakBusy, queueWaitMs: ms(WatchedPool.summary(pool.queueWaits)),
                 runTimeMs: ms(WatchedPool.summary(pool.serviceTimes)), workersSeen: pool.workers.count,
                 workerDeaths: pool.workers.filter(\.crashed).count,
                 cpuMsMean: pool.measuredTasks == 0 ? nil : pool.meanComputeNanos / 1e6)
        }
        lockAcquisitions = model.lock.acquisitions
        lockWaitMsTotal = Double(model.lock.waitNanosTotal) / 1e6
    }

    enum CodingKeys: String, CodingKey {
        case schema, command, python, pools
        case exitStatus = "exit_status", lockAcquisitions = "lock_acquisitions", lockWaitMsTotal = "lock_wait_ms_total"
    }

    /// Pretty-printed JSON with sorted keys.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
