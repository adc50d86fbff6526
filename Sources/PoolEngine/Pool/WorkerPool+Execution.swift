import PoolCore

extension WorkerPool {
    /// Runs one task on the calling thread and measures it. `slot` is nil for caller-runs.
    func execute(_ job: Job, slot: Int?, startedAt: UInt64, settings: PoolConfiguration) -> FinishedTask {
        var record = FinishedTask(tag: job.tag, outcome: .completed, startedAt: startedAt, endedAt: startedAt,
                                  computeNanos: 0, blockedNanos: 0)
        if let slot { slots.set(slot, .busy, tag: job.tag) }
        switch job.work {
        case .closure(let body):
            probe.taskBody?(true)
            do {
                try body()
            } catch {
                record.outcome = .failed(reason: String(describing: error))
            }
            probe.taskBody?(false)
        case .simulated(let spec, let costNanos):
            probe.taskBody?(true)
            let scaled = UInt64(Double(costNanos) * max(0, settings.timeScale))
            let (cpu, io) = spec.split(cost: scaled)
            if cpu > 0 {
                // The thread's CPU clock: time spent preempted or waiting for the emulated GIL is
                // not compute (Goetz's C, and the bench's measured ideal, want the CPU burned).
                record.computeNanos = burn(cpu, slot: slot, tag: job.tag, settings: settings)
            }
            if io > 0 {
                let begun = MonotonicClock.now()
                MonotonicClock.sleep(until: begun &+ io)
                record.blockedNanos = MonotonicClock.now() &- begun
            }
            enterCriticalSection(slot: slot, tag: job.tag, settings: settings)
            probe.taskBody?(false)
        }
        record.endedAt = MonotonicClock.now()
        return record
    }

    /// Burns `nanos` of CPU; with the interpreter lock on, in switch-interval slices that each hold it.
    /// - Returns: the CPU burned, by the thread's CPU clock.
    private func burn(_ nanos: UInt64, slot: Int?, tag: TaskTag, settings: PoolConfiguration) -> UInt64 {
        guard settings.interpreterLockEnabled, settings.mode.executor.emulatesInterpreterLock else {
            probe.cpuSection?(true)
            let burned = burner.burnMeasuringCPU(nanos: nanos, seed: UInt64(truncatingIfNeeded: tag.requestID) &+ 1).cpuNanos
            probe.cpuSection?(false)
            return burned
        }
        var burned: UInt64 = 0
        var remaining = nanos
        let slice = max(50_000, settings.switchIntervalNanos)
        while remaining > 0 {
            if let slot { slots.set(slot, .waitingForInterpreter, tag: tag) }
            interpreterLock.withLock {
                if let slot { slots.set(slot, .busy, tag: tag) }
                let chunk = min(remaining, slice)
                probe.cpuSection?(true)
                burned &+= burner.burnMeasuringCPU(nanos: chunk, seed: remaining).cpuNanos
                probe.cpuSection?(false)
                remaining -= chunk
            }
        }
        return burned
    }

    /// Increments the shared counter: behind the shared lock when it is on, racing when it is off.
    private func enterCriticalSection(slot: Int?, tag: TaskTag, settings: PoolConfiguration) {
        if settings.lockEnabled {
            if let slot { slots.set(slot, .waitingForLock, tag: tag) }
            sharedLock.withLock {
                if let slot { slots.set(slot, .holdingLock, tag: tag) }
                counter.increment(criticalSectionNanos: settings.criticalSectionNanos)
            }
        } else {
            counter.increment(criticalSectionNanos: settings.criticalSectionNanos)
        }
    }
}
