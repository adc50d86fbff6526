import PoolCore
import Sizing
import Workload

/// Runs one seeded scenario under each adaptive limiter (a fresh pool per run, as `pooltop run`
/// does, starting at the scenario's cap), and says where each settled: `pooltop sweep --limit`.
public struct LimiterComparison: Sendable {
    /// One limiter's run.
    public struct Row: Sendable, Hashable, Encodable {
        public var algorithm: String
        public var tasksPerSecond: Double
        public var latencyP99Ms: Double
        public var drops: Int
        /// The median cap over the run's last 5 s, the lowest and highest cap there, and whether
        /// it moved less than 10 % there.
        public var settledCap: Int, settledLow: Int, settledHigh: Int
        public var settled: Bool
        /// The lowest and highest cap over the whole run, and how many times it moved.
        public var minSeen: Int, maxSeen: Int, changes: Int

        enum CodingKeys: String, CodingKey {
            case algorithm, drops, settled, changes
            case tasksPerSecond = "tasks_per_second", latencyP99Ms = "latency_p99_ms"
            case settledCap = "settled_cap", settledLow = "settled_low", settledHigh = "settled_high"
            case minSeen = "min_seen", maxSeen = "max_seen"
        }
    }

    /// The pool's settings: the limiter of each run replaces `limiter`, its bounds kept.
    public var configuration: PoolConfiguration
    public var scenario: Scenario
    public var algorithms: [LimitAlgorithm]

    public init(configuration: PoolConfiguration, scenario: Scenario, algorithms: [LimitAlgorithm]) {
        self.configuration = configuration
        self.scenario = scenario
        self.algorithms = algorithms.filter(\.isAdaptive)
    }

    /// Runs every limiter once.
    /// - Parameter progress: the fraction done (0...1) and what runs now.
    public func run(progress: (Double, String) -> Void) -> [Row] {
        let bounds = configuration.limiter ?? LimitSettings(algorithm: .fixed)
        return algorithms.enumerated().map { index, algorithm in
            var settings = configuration
            settings.limiter = LimitSettings(algorithm: algorithm, minimum: bounds.minimum, maximum: bounds.maximum)
            var series: [(seconds: Double, cap: Int)] = []
            let detail = "limiter \(algorithm.rawValue) (\(index + 1) of \(algorithms.count))"
            let (summary, snapshot) = HeadlessRun(configuration: settings, scenario: scenario).run { sample, fraction in
                series.append((Double(sample.elapsedNanos) / 1e9, sample.limiter?.cap ?? sample.configuration.cap))
                progress((Double(index) + min(1, fraction)) / Double(algorithms.count), detail)
            }
            series.append((Double(snapshot.elapsedNanos) / 1e9, snapshot.limiter?.cap ?? snapshot.configuration.cap))
            let settling = LimitSettling(series: series)
            let status = snapshot.limiter
            return Row(algorithm: algorithm.rawValue, tasksPerSecond: summary.throughputTasksPerSecond,
                       latencyP99Ms: summary.requests.latencyMs.p99, drops: snapshot.totals.rejected,
                       settledCap: settling?.settled ?? 0, settledLow: settling?.low ?? 0, settledHigh: settling?.high ?? 0,
                       settled: settling?.isSettled ?? false, minSeen: status?.minSeen ?? 0, maxSeen: status?.maxSeen ?? 0,
                       changes: status?.changes ?? 0)
        }
    }

    /// The fixed caps of `sweep` and the limiters' `rows` as one table under a heading, the
    /// sweep's recommended cap marked.
    public func report(sweep: SweepResult, rows: [Row]) -> [String] {
        var table = TextTable(columns: [.init("pool", .left), .init("tasks/s"), .init("p99 request"), .init("drops"),
                                        .init("cap (last 5 s)"), .init("moved"), .init("", .left)])
        let recommended = sweep.recommendation.cap
        for point in sweep.points {
            table.append(["cap \(point.cap)", Self.rate(point.tasksPerSecond), DurationText.format(nanoseconds: point.latencyP99Nanos),
                          String(point.drops), String(point.cap), "–", point.cap == recommended ? "◀ recommended" : ""])
        }
        for row in rows {
            let range = row.settledLow == row.settledHigh ? "\(row.settledCap)" : "\(row.settledCap) (\(row.settledLow)–\(row.settledHigh))"
            table.append([row.algorithm, Self.rate(row.tasksPerSecond), DurationText.format(nanoseconds: UInt64(row.latencyP99Ms * 1e6)),
                          String(row.drops), range, "\(row.changes)×",
                          row.settled ? "settled (\(row.minSeen)–\(row.maxSeen) over the run)" : "still moving in the last 5 s"])
        }
        return ["", "Adaptive limiters on the same scenario (seed \(scenario.seed), each starting at cap \(configuration.cap)):"] + table.lines
    }

    private static func rate(_ value: Double) -> String {
        String(Int(value.rounded()))
    }
}
