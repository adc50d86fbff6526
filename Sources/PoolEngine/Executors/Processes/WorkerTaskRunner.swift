import PoolCore

/// Runs task orders inside a worker process: real CPU work, a real blocking wait, then the
/// counter update on the shared robust mutex (or racing without it), keeping the slot's word in
/// shared memory up to date (busy, waiting for the lock, holding it, idle).
struct WorkerTaskRunner {
    let region: SharedRegion
    let burner: CPUBurner

    /// Runs `order` and reports how it went.
    func run(_ order: TaskOrder) -> TaskReport {
        let slot = Int(order.slot)
        let started = MonotonicClock.now()
        return execute(order, slot: slot, started: started)
    }

    /// Runs `order` unless its slot is held: an order sent ahead (`.task`) to a worker whose slot
    /// retired meanwhile comes back `.skipped`, not run.
    func runUnlessHeld(_ order: TaskOrder) -> TaskReport {
        let slot = Int(order.slot)
        let started = MonotonicClock.now()
        guard !region.isHeld(slot) else { return TaskReport(taskID: order.id, status: .skipped, startedAt: started, endedAt: started) }
        return execute(order, slot: slot, started: started)
    }

    private func execute(_ order: TaskOrder, slot: Int, started: UInt64) -> TaskReport {
        var report = TaskReport(taskID: order.id, startedAt: started)
        region.taskStarted()
        defer { region.taskEnded() }
        region.setSlot(slot, .busy, requestID: order.requestID, taskIndex: UInt64(order.taskIndex))
        if order.cpuNanos > 0 {
            // The thread's CPU clock: the CPU burned, not the time preempted.
            report.computeNanos = burner.burnMeasuringCPU(nanos: order.cpuNanos, seed: order.seed).cpuNanos
        }
        if order.ioNanos > 0 {
            let begun = MonotonicClock.now()
            MonotonicClock.sleep(until: begun &+ order.ioNanos)
            report.blockedNanos = MonotonicClock.now() &- begun
        }
        do {
            report.recoveredLock = try region.incrementCounter(
                criticalSectionNanos: order.criticalSectionNanos, locked: order.lockEnabled, slot: slot,
                requestID: order.requestID, taskIndex: UInt64(order.taskIndex))
        } catch {
            report.status = .failed
        }
        region.setSlot(slot, .idle, requestID: order.requestID, taskIndex: UInt64(order.taskIndex))
        report.endedAt = MonotonicClock.now()
        return report
    }
}
