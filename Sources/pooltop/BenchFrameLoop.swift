import CPoolSupport
import Dashboard
import NcursesBackend
import PoolEngine
import Workload

/// The dashboard's loop as `DashboardRunner` runs it, with clocks around each part.
struct BenchFrameLoop {
    /// The open session frames are drawn into.
    let session: TerminalSession
    /// The pool whose snapshots the frames show.
    let pool: WorkerPool
    /// The workload feeding the pool.
    let driver: ScenarioDriver

    /// Draws `count` frames 10 ms apart and summarizes what each part cost, in microseconds.
    mutating func measureFrames(_ count: Int, state: inout DashboardState) -> (snapshot: SampleSummary, build: SampleSummary, draw: SampleSummary, total: SampleSummary) {
        var parts: [[Double]] = [[], [], [], []]
        for _ in 0..<max(1, count) {
            let t0 = MonotonicClock.now()
            var snapshot = pool.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)
            snapshot.workload = driver.status
            let t1 = MonotonicClock.now()
            _ = state.update(.snapshot(snapshot))
            _ = state.update(.tick(nanos: t1))
            let frame = state.frame()
            let t2 = MonotonicClock.now()
            session.draw(frame)
            let t3 = MonotonicClock.now()
            parts[0].append(Double(t1 - t0) / 1e3)
            parts[1].append(Double(t2 - t1) / 1e3)
            parts[2].append(Double(t3 - t2) / 1e3)
            parts[3].append(Double(t3 - t0) / 1e3)
            _ = session.nextEvent(timeout: 10)
        }
        let summaries = parts.map { SampleSummary($0)! }
        return (summaries[0], summaries[1], summaries[2], summaries[3])
    }

    /// Runs the loop at `fps` for `seconds` and returns the drawing thread's CPU share.
    mutating func measureCPUShare(fps: Int, seconds: Double, state: inout DashboardState) -> BenchFrameReport.CPUShare {
        let frameNanos = 1_000_000_000 / UInt64(max(1, fps))
        let begun = MonotonicClock.now()
        let end = begun + UInt64(seconds * 1e9)
        let cpuBefore = pooltop_thread_cpu_nanos()
        var frames = 0
        var nextFrame = begun
        while true {
            let now = MonotonicClock.now()
            if now >= end { break }
            if now >= nextFrame {
                var snapshot = pool.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)
                snapshot.workload = driver.status
                _ = state.update(.snapshot(snapshot))
                _ = state.update(.tick(nanos: now))
                session.draw(state.frame())
                frames += 1
                nextFrame = max(nextFrame + frameNanos, now + frameNanos / 2)
                continue
            }
            let timeout = Int((min(nextFrame, end) - now + 999_999) / 1_000_000)
            _ = session.nextEvent(timeout: timeout)
        }
        let wall = MonotonicClock.now() - begun
        let cpu = pooltop_thread_cpu_nanos() - cpuBefore
        return BenchFrameReport.CPUShare(fps: fps, frames: frames, seconds: Double(wall) / 1e9,
                                         percentOfCore: Double(cpu) / Double(max(1, wall)) * 100)
    }
}
