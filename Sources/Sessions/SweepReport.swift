import Foundation
import PoolCore
import Sizing
import Workload

/// A sweep as the `pooltop.sweep/1` JSON schema: the scenario, one row per cap, the USL fit, the
/// recommendation and Goetz's rule.
///
/// Key names are fixed: scripts outside the project read them (new keys are only ever added).
/// Optional figures are left out when absent (`slo_ms` without `--slo`, `peak_cap` when κ = 0,
/// `cap` of Goetz when unbounded, a row's `model` and the top-level `model` without a queueing
/// model, the model's waits when its queue is unstable).
public struct SweepReport: Sendable, Encodable, Hashable {
    public struct ScenarioPart: Sendable, Encodable, Hashable {
        public var mode: String, requests: Int, fanout: Int, task: String, arrival: String, burstWindowMs: Double?
        public var bursts: Int, lock: Bool, gil: Bool, seed: UInt64, costDist: String, slowmo: Double
        public var criticalSectionUs: Double, queueBound: Int?, rejectPolicy: String
    }
    public struct Latency: Sendable, Encodable, Hashable { public var p50: Double, p99: Double }
    public struct QueueWait: Sendable, Encodable, Hashable { public var mean: Double, p99: Double }
    /// The queueing model's prediction at one cap: which model, whether its queue is stable, the
    /// chance a task waits and the mean and p99 wait (absent when unstable).
    public struct ModelWait: Sendable, Encodable, Hashable {
        public var model: String, stable: Bool, pWait: Double?, meanMs: Double?, p99Ms: Double?, comparison: String
    }
    public struct Row: Sendable, Encodable, Hashable {
        public var cap: Int, tasksPerSecond: Double, requestsPerSecond: Double
        public var latencyMs: Latency, queueWaitMs: QueueWait
        public var cpuPercent: Double, lockContention: Double, fittedTasksPerSecond: Double?, repeats: Int
        public var lockWaitMs: Double, model: ModelWait?
    }
    public struct FitPart: Sendable, Encodable, Hashable {
        public var lambda: Double, sigma: Double, kappa: Double, rSquared: Double, peakCap: Double?, summary: String
    }
    public struct RecommendationPart: Sendable, Encodable, Hashable {
        public var cap: Int, reason: String, bestCap: Int, bestTasksPerSecond: Double, meetsSlo: Bool
    }
    public struct GoetzPart: Sendable, Encodable, Hashable {
        public var cores: Int, waitMs: Double, computeMs: Double, cap: Int?, formula: String, comparison: String?
    }

    public var schema = "pooltop.sweep/1"
    public var scenario: ScenarioPart
    public var caps: [Int]
    public var repeats: Int
    public var cores: Int
    public var sloMs: Double?
    public var rows: [Row]
    public var fit: FitPart?
    public var recommendation: RecommendationPart
    public var goetz: GoetzPart
    /// How the queueing model compared with the measured waits over the sweep; absent without a model.
    public var model: String?
    /// `sweep --limit`: each adaptive limiter's run of the same scenario (absent without).
    public var limiters: [LimiterComparison.Row]?

    /// The report of `result`, a sweep of `scenario` with `configuration` (its cap unused), `repeats`
    /// runs per cap.
    public init(result: SweepResult, scenario: Scenario, configuration: PoolConfiguration, repeats: Int) {
        let ms = { (nanos: UInt64) in Double(nanos) / 1e6 }
        var window: Double?
        if case .burst(let nanos) = scenario.arrival { window = Double(nanos) / 1e6 }
        self.scenario = ScenarioPart(
            mode: configuration.mode.rawValue, requests: scenario.requests, fanout: scenario.fanout, task: scenario.task.description,
            arrival: scenario.arrival.name, burstWindowMs: window, bursts: scenario.bursts ?? 1, lock: configuration.lockEnabled,
            gil: configuration.interpreterLockEnabled, seed: scenario.seed, costDist: scenario.costDistribution.rawValue,
            slowmo: configuration.timeScale, criticalSectionUs: Double(configuration.criticalSectionNanos) / 1e3,
            queueBound: configuration.queueBound, rejectPolicy: configuration.rejectPolicy.rawValue)
        caps = result.points.map(\.cap)
        self.repeats = repeats
        cores = result.conditions.cores
        sloMs = result.recommendation.objectiveNanos.map(ms)
        rows = result.points.map { point in
            Row(cap: point.cap, tasksPerSecond: point.tasksPerSecond, requestsPerSecond: point.requestsPerSecond,
                latencyMs: Latency(p50: ms(point.latencyP50Nanos), p99: ms(point.latencyP99Nanos)),
                queueWaitMs: QueueWait(mean: point.meanQueueWaitNanos / 1e6, p99: ms(point.queueWaitP99Nanos)), cpuPercent: point.cpuPercent,
                lockContention: point.lockContention, fittedTasksPerSecond: result.fit?.throughput(at: Double(point.cap)),
                repeats: point.repeats, lockWaitMs: point.meanLockWaitNanos / 1e6,
                model: result.modelComparison(at: point).map { compared in
                    let prediction = compared.prediction
                    return ModelWait(model: prediction.model.name, stable: prediction.isStable, pWait: prediction.waitProbability,
                                     meanMs: prediction.meanWaitSeconds.map { $0 * 1e3 }, p99Ms: prediction.p99WaitSeconds.map { $0 * 1e3 },
                                     comparison: compared.sentence)
                })
        }
        model = result.modelSummary
        fit = result.fit.map {
            FitPart(lambda: $0.lambda, sigma: $0.sigma, kappa: $0.kappa, rSquared: $0.rSquared, peakCap: $0.peakConcurrency,
                    summary: result.fitSummary)
        }
        let chosen = result.recommendation
        recommendation = RecommendationPart(cap: chosen.cap, reason: chosen.reason, bestCap: chosen.bestCap,
                                            bestTasksPerSecond: chosen.bestTasksPerSecond, meetsSlo: chosen.meetsObjective)
        goetz = GoetzPart(cores: result.goetz.cores, waitMs: result.goetz.waitNanos / 1e6, computeMs: result.goetz.computeNanos / 1e6,
                          cap: result.goetz.size, formula: result.goetz.formula, comparison: result.comparison)
    }

    enum CodingKeys: String, CodingKey {
        case schema, scenario, caps, repeats, cores, rows, fit, recommendation, goetz, model, limiters
        case sloMs = "slo_ms"
    }
}

extension SweepReport.ScenarioPart {
    enum CodingKeys: String, CodingKey {
        case mode, requests, fanout, task, arrival, bursts, lock, gil, seed, slowmo
        case burstWindowMs = "burst_window_ms", costDist = "cost_dist", criticalSectionUs = "critical_section_us"
        case queueBound = "queue_bound", rejectPolicy = "reject_policy"
    }
}

extension SweepReport.Row {
    enum CodingKeys: String, CodingKey {
        case cap, repeats
        case tasksPerSecond = "tasks_per_second", requestsPerSecond = "requests_per_second", latencyMs = "latency_ms"
        case queueWaitMs = "queue_wait_ms", cpuPercent = "cpu_percent", lockContention = "lock_contention"
        case fittedTasksPerSecond = "fitted_tasks_per_second", lockWaitMs = "lock_wait_ms", model
    }
}

extension SweepReport.ModelWait {
    enum CodingKeys: String, CodingKey {
        case model, stable, comparison
        case pWait = "p_wait", meanMs = "mean_ms", p99Ms = "p99_ms"
    }
}

extension SweepReport.FitPart {
    enum CodingKeys: String, CodingKey {
        case lambda, sigma, kappa, summary
        case rSquared = "r_squared", peakCap = "peak_cap"
    }
}

extension SweepReport.RecommendationPart {
    enum CodingKeys: String, CodingKey {
        case cap, reason
        case bestCap = "best_cap", bestTasksPerSecond = "best_tasks_per_second", meetsSlo = "meets_slo"
    }
}

extension SweepReport.GoetzPart {
    enum CodingKeys: String, CodingKey {
        case cores, cap, formula, comparison
        case waitMs = "wait_ms", computeMs = "compute_ms"
    }
}

extension SweepReport {
    /// The report as pretty-printed JSON with sorted keys (schema `pooltop.sweep/1`).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
