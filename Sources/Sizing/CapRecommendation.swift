import PoolCore
/// The cap a sweep recommends, and why: the smallest cap whose throughput is within
/// `tolerance` of the best measured and, with a latency objective, whose p99 request latency
/// meets it.
public struct CapRecommendation: Sendable, Hashable {
    /// How far below the best throughput a cap may be and still count as "as good" (5%).
    public static let tolerance = 0.05

    /// The cap recommended.
    public var cap: Int
    /// The cap that measured the best throughput, and that throughput (tasks per second).
    public var bestCap: Int
    public var bestTasksPerSecond: Double
    /// The p99 request latency objective, in nanoseconds, when one was given.
    public var objectiveNanos: UInt64?
    /// False when no cap met the objective (the recommendation is then the closest one).
    public var meetsObjective: Bool
    /// One sentence of why.
    public var reason: String

    /// Creates a recommendation as it stands.
    public init(cap: Int, bestCap: Int, bestTasksPerSecond: Double, objectiveNanos: UInt64? = nil,
                meetsObjective: Bool = true, reason: String) {
        self.cap = cap
        self.bestCap = bestCap
        self.bestTasksPerSecond = bestTasksPerSecond
        self.objectiveNanos = objectiveNanos
        self.meetsObjective = meetsObjective
        self.reason = reason
    }

    /// Applies the rule to measured points.
    ///
    /// When no cap within the tolerance meets the objective, the fastest cap that meets it is
    /// recommended instead; when none meets it, the one with the lowest p99 (and
    /// `meetsObjective` is false).
    /// - Parameters:
    ///   - points: one point per cap, in any order.
    ///   - objectiveNanos: the p99 request latency objective (`--slo`), if any.
    /// - Returns: nil when `points` is empty.
    public init?(points: [SweepPoint], objectiveNanos: UInt64? = nil) {
        let sorted = points.sorted { $0.cap < $1.cap }
        guard let best = sorted.max(by: { $0.tasksPerSecond < $1.tasksPerSecond }) else { return nil }
        let floor = best.tasksPerSecond * (1 - CapRecommendation.tolerance)
        let bestText = "\(SweepText.rate(best.tasksPerSecond)) tasks/s at cap \(best.cap)"
        let fastEnough = sorted.filter { $0.tasksPerSecond >= floor }
        guard let objective = objectiveNanos else {
            let chosen = fastEnough.first ?? best
            var reason = chosen.cap == best.cap
                ? "cap \(chosen.cap) measured the best throughput (\(bestText)) and no smaller cap came within 5% of it."
                : "cap \(chosen.cap) is the smallest cap within 5% of the best throughput measured (\(bestText)); more workers add no throughput."
            if chosen.cap == best.cap, let growth = CapRecommendation.growthAtLargestCap(sorted) {
                reason += " It is the largest cap swept and throughput still grew \(CapRecommendation.percent(growth.growth)) from cap \(growth.below.cap): "
                    + "the limit lies above it, so sweep higher caps."
            }
            self.init(cap: chosen.cap, bestCap: best.cap, bestTasksPerSecond: best.tasksPerSecond, reason: reason)
            return
        }
        let objectiveText = DurationText.format(nanoseconds: objective)
        let meeting = sorted.filter { $0.latencyP99Nanos <= objective }
        if let chosen = fastEnough.first(where: { $0.latencyP99Nanos <= objective }) {
            let p99 = DurationText.format(nanoseconds: chosen.latencyP99Nanos)
            let reason = "cap \(chosen.cap) is the smallest cap within 5% of the best throughput (\(bestText)) whose p99 request latency, \(p99), meets the \(objectiveText) objective."
            self.init(cap: chosen.cap, bestCap: best.cap, bestTasksPerSecond: best.tasksPerSecond, objectiveNanos: objective, reason: reason)
        } else if let chosen = meeting.max(by: { $0.tasksPerSecond < $1.tasksPerSecond }) {
            let reason = "no cap within 5% of the best throughput (\(bestText)) meets the \(objectiveText) p99 objective; cap \(chosen.cap) is the fastest that does (\(SweepText.rate(chosen.tasksPerSecond)) tasks/s, p99 \(DurationText.format(nanoseconds: chosen.latencyP99Nanos)))."
            self.init(cap: chosen.cap, bestCap: best.cap, bestTasksPerSecond: best.tasksPerSecond, objectiveNanos: objective, reason: reason)
        } else {
            let chosen = sorted.min { $0.latencyP99Nanos < $1.latencyP99Nanos } ?? best
            let reason = "no cap meets the \(objectiveText) p99 objective; cap \(chosen.cap) comes closest (p99 \(DurationText.format(nanoseconds: chosen.latencyP99Nanos))): the workload needs fewer requests or faster tasks."
            self.init(cap: chosen.cap, bestCap: best.cap, bestTasksPerSecond: best.tasksPerSecond, objectiveNanos: objective,
                      meetsObjective: false, reason: reason)
        }
    }

    /// The last two points of `sorted` (by increasing cap) and the relative growth of throughput
    /// between them, when it is more than the tolerance (5%): the sweep stopped before throughput did.
    static func growthAtLargestCap(_ sorted: [SweepPoint]) -> (below: SweepPoint, largest: SweepPoint, growth: Double)? {
        guard sorted.count >= 2 else { return nil }
        let largest = sorted[sorted.count - 1], below = sorted[sorted.count - 2]
        guard below.tasksPerSecond > 0 else { return nil }
        let growth = largest.tasksPerSecond / below.tasksPerSecond - 1
        return growth > tolerance ? (below, largest, growth) : nil
    }

    /// A share as a whole percentage: `98%`.
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "-" }
        return "\(Int((share * 100).rounded()))%"
    }
}
