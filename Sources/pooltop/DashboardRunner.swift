import Dashboard
import NcursesBackend
import PoolCore
import PoolEngine
import TerminalUI
import Workload

/// The dashboard's loop on the main thread: keys in, commands out to the pool and the workload,
/// a snapshot and a frame every 1/fps seconds. The pool and the workload run on their own threads
/// and never wait for it.
struct DashboardRunner {
    let session: TerminalSession
    let configuration: PoolConfiguration
    let scenario: Scenario
    let themes: [Theme]
    let themeIndex: Int
    let fps: Int
    let arrivals: Bool

    /// Runs until `q` or a quit signal. Returns the exit status: 0 for `q`, 128 + the signal otherwise.
    func run() -> Int32 {
        let pool = WorkerPool(configuration: configuration)
        let driver = ScenarioDriver(scenario: scenario, sink: pool, arrivalsEnabled: arrivals)
        _ = ThreadLauncher.start { driver.run() }
        let sweeps = SweepMailbox()
        defer {
            sweeps.close()
            driver.stop()
            pool.terminate()
        }
        let size = session.size
        var state = DashboardState(width: size.width, height: size.height, themes: themes, themeIndex: themeIndex)
        let frameNanos = 1_000_000_000 / UInt64(fps)
        var nextFrame = MonotonicClock.now()
        while true {
            if let signal = session.quitSignal { return 128 + signal }
            let now = MonotonicClock.now()
            if now >= nextFrame {
                for message in sweeps.take() { _ = state.update(message) }
                var snapshot = pool.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)
                snapshot.workload = driver.status
                _ = state.update(.snapshot(snapshot))
                _ = state.update(.tick(nanos: now))
                session.draw(state.frame())
                nextFrame = max(nextFrame + frameNanos, now + frameNanos / 2)
                continue
            }
            let timeout = Int((nextFrame - now + 999_999) / 1_000_000)
            guard let event = session.nextEvent(timeout: timeout) else { continue }
            for effect in state.update(DashboardMessage(event)) {
                switch effect {
                case .quit: return 0
                case .command(let command): if !pool.apply(command) { driver.apply(command) }
                case .startSweep(let request): startSweep(request, pool: pool, driver: driver, mailbox: sweeps)
                }
            }
            if case .resize = event { nextFrame = MonotonicClock.now() }
        }
    }
}
