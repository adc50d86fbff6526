import PoolCore
import Sizing
import TerminalUI

extension DashboardState {
    /// The caps a quick sweep measures around the cap the engine has or is about to have.
    var quickSweepCaps: [Int] { CapSeries.around(effectiveCap).caps }

    /// Opens the overlay and starts a sweep when none runs, or closes the overlay when it shows.
    mutating func toggleSweep() -> [DashboardEffect] {
        if sweep.isVisible {
            sweep.isVisible = false
            return []
        }
        sweep.isVisible = true
        setHelpVisible(false)
        guard !sweep.isRunning else { return [] }
        let caps = quickSweepCaps
        sweep.progress = SweepProgress(fraction: 0, detail: "starting", caps: caps)
        echo("s: sweep of caps \(caps.map(String.init).joined(separator: ","))")
        note("sweep started: caps \(caps.map(String.init).joined(separator: ", ")) on a copy of the scenario")
        return [.startSweep(SweepRequest(caps: caps))]
    }

    /// Asks for the cap the last sweep recommends.
    mutating func applyRecommendedCap() -> [DashboardEffect] {
        guard let cap = sweep.recommendedCap else {
            note("no sweep result yet: wait for the sweep to finish", severity: .warning)
            return []
        }
        let current = effectiveCap
        guard cap != current else {
            note("cap already at the recommended \(cap)")
            return []
        }
        return ask(\.cap, for: cap, echo: "cap \(current) → \(cap) (sweep)", .resize(to: cap))
    }

    /// Takes in the running sweep's progress (ignored when no sweep runs).
    mutating func receiveSweepProgress(_ progress: SweepProgress) {
        guard sweep.isRunning else { return }
        sweep.progress = progress
    }

    /// Takes in a finished sweep: it becomes the result the overlay and header show.
    mutating func receiveSweepResult(_ result: SweepResult) {
        sweep.progress = nil
        sweep.result = result
        note("sweep done: cap \(result.recommendation.cap) recommended (s shows why, Enter applies it)")
    }

    /// Notes a sweep that ended without a result; the last result, if any, stays.
    mutating func receiveSweepFailure(_ reason: String) {
        guard sweep.isRunning else { return }
        sweep.progress = nil
        note("sweep failed: \(reason)", severity: .error)
    }
}
