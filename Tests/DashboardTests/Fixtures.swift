import Dashboard
import PoolCore
import Sizing
import TerminalUI

/// Hand-made snapshots with fixed numbers, so screens are the same on every run.
enum Fixtures {
    /// The classic demo a few seconds in: 50 slots in every phase, a deep queue, a contended lock.
    static func busySnapshot(elapsedNanos: UInt64 = 6_400_000_000) -> PoolSnapshot {
        var slots: [SlotState] = []
        for index in 0..<30 {
            slots.append(SlotState(phase: .busy, requestID: 101 + index / 5, taskIndex: index % 5))
        }
        for index in 0..<10 {
            slots.append(SlotState(phase: .waitingForLock, requestID: 107 + index / 5, taskIndex: index % 5))
        }
        slots.append(SlotState(phase: .holdingLock, requestID: 109, taskIndex: 0))
        slots += Array(repeating: SlotState(phase: .idle), count: 3)
        slots.append(SlotState(phase: .starting))
        slots.append(SlotState(phase: .crashed))
        slots.append(SlotState(phase: .busy, isRetiring: true, requestID: 110, taskIndex: 0))
        slots.append(SlotState(phase: .busy, isRetiring: true, requestID: 110, taskIndex: 1))
        slots.append(SlotState(phase: .waitingForInterpreter, requestID: 111, taskIndex: 2))
        slots.append(.empty)
        let head = (0..<20).map { index in
            QueuedTask(tag: TaskTag(requestID: 112 + index / 5, taskIndex: index % 5, fanout: 5), waitedNanos: UInt64(900_000_000 - index * 1_000_000))
        }
        return PoolSnapshot(
            elapsedNanos: elapsedNanos,
            configuration: PoolConfiguration(mode: .threads, cap: 50),
            cores: 2,
            slots: slots,
            liveWorkers: 49,
            peakBusy: 50,
            peakThreads: 57,
            totals: TaskTotals(accepted: 2500, completed: 1200, failed: 3, cancelled: 0, running: 46, queued: 1251, rejected: 7),
            peakQueueDepth: 2100,
            queueHead: head,
            tasksPerSecond: 980,
            requestsPerSecond: 196,
            lock: LockStats(acquisitions: 1200, contended: 504, waitNanosTotal: 1_440_000_000, waitNanosMax: 15_000_000,
                            holdNanosTotal: 24_000_000, waiters: 10),
            counter: CounterStats(expected: 1200, actual: 1200),
            queueWait: LatencySummary(count: 1246, p50: 1_200_000_000, p90: 2_100_000_000, p99: 2_400_000_000, max: 2_500_000_000, mean: 1.1e9),
            service: LatencySummary(count: 1203, p50: 50_000_000, p90: 52_000_000, p99: 58_000_000, max: 61_000_000, mean: 50.5e6),
            requests: RequestStats(arrived: 500, completed: 238, failed: 1,
                                   latency: LatencySummary(count: 238, p50: 1_300_000_000, p90: 2_200_000_000, p99: 2_450_000_000, max: 2_550_000_000, mean: 1.25e9)),
            meanComputeNanos: 120_000,
            meanBlockedNanos: 50_000_000,
            process: ProcessStats(cpuPercent: 23.5, residentBytes: 50_331_648, threads: 57, voluntaryContextSwitches: 123_456,
                                  involuntaryContextSwitches: 2_345),
            events: [
                PoolEvent(elapsedNanos: 0, kind: .settingChanged, message: "pool started: threads, cap 40"),
                PoolEvent(elapsedNanos: 1_000_000_000, kind: .burstFired, message: "burst 1: 500 requests × 5 tasks"),
                PoolEvent(elapsedNanos: 3_200_000_000, kind: .resized, message: "cap 40 → 50"),
                PoolEvent(elapsedNanos: 4_100_000_000, kind: .workerCrashed, message: "worker 45 crashed; replacing it"),
                PoolEvent(elapsedNanos: 5_000_000_000, kind: .rejected, message: "7 tasks rejected"),
            ],
            workload: WorkloadStatus(task: TaskSpec(kind: .io, costNanos: 50_000_000), fanout: 5, burstSubmitted: 320,
                                     burstSize: 500, burstsFired: 1, arrivalsEnabled: false)
        )
    }

    /// A state that has seen 120 snapshots rising into `busySnapshot`, so graphs have a history.
    static func busyState(width: Int, height: Int, themes: [Theme] = [.builtin], lesson: Lesson? = nil) -> DashboardState {
        var state = DashboardState(width: width, height: height, themes: themes, lessons: lesson.map { [$0] } ?? [], lesson: lesson)
        let final = busySnapshot()
        for step in 0..<120 {
            var snapshot = final
            snapshot.elapsedNanos = UInt64(step) * 50_000_000 + 400_000_000
            let wave = Double((step * 7) % 40)
            snapshot.totals.queued = step < 20 ? step * 100 : 2000 - step * 6 + Int(wave)
            snapshot.tasksPerSecond = Double(min(step, 50) * 12 + (step * 37) % 400)
            snapshot.requestsPerSecond = snapshot.tasksPerSecond / 5
            snapshot.lock.acquisitions = step * 10
            snapshot.lock.contended = step * 4 + step % 3
            snapshot.requests.completed = step * 2
            snapshot.requests.latency.count = step * 2
            _ = state.update(.snapshot(snapshot))
        }
        _ = state.update(.snapshot(final))
        return state
    }

    /// A finished quick sweep around cap 50 of an I/O workload: throughput levels off from 25.
    static func sweepResult() -> SweepResult {
        let rows: [(cap: Int, tasks: Double, p99: UInt64)] = [
            (6, 118, 5_800_000_000), (13, 252, 2_900_000_000), (25, 480, 1_450_000_000),
            (50, 498, 760_000_000), (100, 501, 410_000_000), (200, 499, 380_000_000),
        ]
        let points = rows.map { row in
            SweepPoint(cap: row.cap, tasksPerSecond: row.tasks, requestsPerSecond: row.tasks / 5, latencyP50Nanos: row.p99 / 2,
                       latencyP99Nanos: row.p99, queueWaitP99Nanos: row.p99 - 50_000_000, cpuPercent: 4, lockContention: 0.01,
                       meanComputeNanos: 0, meanBlockedNanos: 50_000_000)
        }
        let conditions = SweepConditions(cores: 2, offeredConcurrency: 25, workload: "36 requests × 5 tasks of io:50ms within 360ms")
        return SweepResult(points: points, conditions: conditions)!
    }

    /// The quick sweep's progress after three of its six caps.
    static func sweepProgress() -> SweepProgress {
        let points = Array(sweepResult().points.prefix(3))
        return SweepProgress(fraction: 0.5, detail: "cap 50 (4 of 6)", caps: [6, 13, 25, 50, 100, 200], points: points)
    }
}
