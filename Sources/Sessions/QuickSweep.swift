import PoolCore
import PoolEngine
import Sizing
import Workload

/// The dashboard's `s` overlay sweep: the live session's scenario as it runs now (its work kind,
/// the pool's settings), shortened to about 1.5 s per cap, each cap run once in a pool of its own,
/// on a thread of its own. It reports through a callback and never touches the live pool.
public enum QuickSweep {
    /// What the sweep reports, in order: progress any number of times, then one end.
    public enum Update: Sendable {
        /// `fraction` (0...1) done, what runs now, the caps asked for and the points measured so far.
        case progressed(fraction: Double, detail: String, caps: [Int], points: [SweepPoint])
        /// The sweep ended with this result.
        case finished(SweepResult)
        /// The sweep ended without a result, and why.
        case failed(reason: String)
    }

    /// Starts a sweep of `caps` on a copy of `session`'s scenario and settings.
    /// - Parameters:
    ///   - report: called from the sweep's thread with each update.
    ///   - isCancelled: checked before each run; true stops the sweep early.
    public static func start(caps: [Int], copying session: LiveSession, report: @escaping @Sendable (Update) -> Void,
                             isCancelled: @escaping @Sendable () -> Bool) {
        let settings = session.configuration
        let cores = MonotonicClock.cores
        let quick = session.currentScenario.scaledForQuickSweep(caps: caps, cores: cores, timeScale: settings.timeScale)
        let sweep = SweepRun(configuration: settings, scenario: quick, caps: caps, repeats: 1)
        let conditions = SweepConditions(scenario: quick, configuration: settings, cores: cores)
        let started = ThreadLauncher.start {
            let points = sweep.run(progress: { fraction, detail, points in
                report(.progressed(fraction: fraction, detail: detail, caps: caps, points: points))
            }, isCancelled: isCancelled)
            if let result = SweepResult(points: points, conditions: conditions) {
                report(.finished(result))
            } else {
                report(.failed(reason: "no cap was measured"))
            }
        }
        if !started { report(.failed(reason: "the system refused a thread for it")) }
    }
}
