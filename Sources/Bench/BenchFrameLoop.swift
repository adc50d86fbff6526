import Dashboard
import NcursesBackend
import PoolCore
import PoolEngine
import Sessions

/// The dashboard's loop as the dashboard runs it (the same `FrameLoop`, the same source and
/// dashboard state), with clocks around each part of a frame.
struct BenchFrameLoop {
    /// The open session frames are drawn into.
    let session: TerminalSession
    /// The source whose snapshots the frames show.
    let source: any PoolSource
    /// The clock frames are timed by.
    let clock: any FrameClock

    /// Draws `count` frames 10 ms apart and summarizes what each part cost, in microseconds.
    func measureFrames(_ count: Int, state: inout DashboardState) -> (snapshot: SampleSummary, build: SampleSummary, draw: SampleSummary, total: SampleSummary) {
        var parts: [[Double]] = [[], [], [], []]
        var frames = 0
        FrameLoop(clock: clock, framesPerSecond: 100).run(frame: { _ in
            let t0 = clock.nowNanos
            let snapshot = source.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)
            let t1 = clock.nowNanos
            _ = state.update(.snapshot(snapshot))
            _ = state.update(.tick(nanos: t1))
            let frame = state.frame()
            let t2 = clock.nowNanos
            session.draw(frame)
            let t3 = clock.nowNanos
            parts[0].append(Double(t1 - t0) / 1e3)
            parts[1].append(Double(t2 - t1) / 1e3)
            parts[2].append(Double(t3 - t2) / 1e3)
            parts[3].append(Double(t3 - t0) / 1e3)
            frames += 1
            return frames < max(1, count)
        }, idle: { timeout in
            _ = session.nextEvent(timeout: timeout)
            return .keepGoing
        })
        let summaries = parts.map { SampleSummary($0)! }
        return (summaries[0], summaries[1], summaries[2], summaries[3])
    }

    /// Runs the loop at `fps` for `seconds` and returns the drawing thread's CPU share; with
    /// `recorder`, every frame's snapshot is offered to it, as the dashboard does while recording.
    func measureCPUShare(fps: Int, seconds: Double, state: inout DashboardState, recorder: Recorder? = nil) -> BenchFrameReport.CPUShare {
        let begun = clock.nowNanos
        let end = begun + UInt64(seconds * 1e9)
        let cpuBefore = CPUTime.currentThreadNanos()
        var frames = 0
        FrameLoop(clock: clock, framesPerSecond: fps).run(frame: { now in
            guard now < end else { return false }
            let snapshot = source.snapshot(latencyMaxAgeNanos: WorkerPool.liveLatencyMaxAgeNanos)
            _ = state.update(.snapshot(snapshot))
            recorder?.offer(snapshot)
            _ = state.update(.tick(nanos: now))
            session.draw(state.frame())
            frames += 1
            return true
        }, idle: { timeout in
            let now = clock.nowNanos
            guard now < end else { return .stop }
            _ = session.nextEvent(timeout: min(timeout, Int((end - now + 999_999) / 1_000_000)))
            return .keepGoing
        })
        let wall = clock.nowNanos - begun
        let cpu = CPUTime.currentThreadNanos() - cpuBefore
        return BenchFrameReport.CPUShare(fps: fps, frames: frames, seconds: Double(wall) / 1e9,
                                         percentOfCore: Double(cpu) / Double(max(1, wall)) * 100, recording: recorder != nil)
    }
}
