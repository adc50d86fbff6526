import PoolCore
import Sizing
import PoolEngine
import Workload

/// Runs one scenario at a series of caps, a few times each, through the real engine (a fresh pool
/// per run, as `pooltop run` does), and gives one median point per cap.
///
/// Used by `pooltop sweep` and by the dashboard's background sweep (`s`), which calls `run` on a
/// thread of its own.
public struct SweepRun: Sendable {
    /// The pool's settings; the cap is replaced by each cap of the series.
    public var configuration: PoolConfiguration
    /// The scenario every run replays (same seed, so the same arrivals and costs).
    public var scenario: Scenario
    public var caps: [Int]
    public var repeats: Int

    /// A sweep of `scenario` over `caps`, `repeats` runs each, with `configuration`'s other settings.
    public init(configuration: PoolConfiguration, scenario: Scenario, caps: [Int], repeats: Int) {
        self.configuration = configuration
        self.scenario = scenario
        self.caps = caps
        self.repeats = repeats
    }

    /// Runs every cap `repeats` times.
    /// - Parameters:
    ///   - progress: called along the way with the fraction done (0...1), what runs now, and the
    ///     points of the caps done so far.
    ///   - isCancelled: checked before each run; when it returns true the sweep stops early.
    /// - Returns: one point per cap measured, by increasing cap.
    public func run(progress: (Double, String, [SweepPoint]) -> Void, isCancelled: () -> Bool = { false }) -> [SweepPoint] {
        let total = Double(max(1, caps.count * repeats))
        var points: [SweepPoint] = []
        for (capIndex, cap) in caps.enumerated() {
            var runs: [SweepPoint] = []
            for attempt in 0..<repeats {
                if isCancelled() { return points }
                let done = Double(capIndex * repeats + attempt)
                let detail = "cap \(cap) (\(capIndex + 1) of \(caps.count))" + (repeats > 1 ? ", run \(attempt + 1) of \(repeats)" : "")
                var settings = configuration
                settings.cap = cap
                // Each point is a fixed cap: a limiter would move it.
                settings.limiter = nil
                let headless = HeadlessRun(configuration: settings, scenario: scenario)
                let (summary, snapshot) = headless.run { _, fraction in
                    progress((done + min(1, fraction)) / total, detail, points)
                }
                runs.append(SweepPoint(summary: summary, snapshot: snapshot))
            }
            if let median = SweepPoint.median(of: runs) { points.append(median) }
            progress(Double((capIndex + 1) * repeats) / total, "cap \(cap) (\(capIndex + 1) of \(caps.count))", points)
        }
        return points
    }
}
