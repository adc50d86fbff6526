import PoolCore

extension WorkerPool {
    /// How old a live screen lets latency percentiles get before they are computed again (2 updates a
    /// second read well, and walking three histograms costs about 1 ms).
    public static let liveLatencyMaxAgeNanos: UInt64 = 500_000_000

    /// The pool as it is now: an immutable value for the dashboard and the headless summaries.
    ///
    /// Holds the queue lock only to copy counters, histograms (copy-on-write) and the queue's
    /// head; percentiles, slot states and process figures are computed after it is released.
    /// - Parameter latencyMaxAgeNanos: latency percentiles younger than this are reused instead of
    ///   computed again (a screen at 30 fps needs them a few times a second; walking three
    ///   histograms each frame costs more than the rest of the frame). 0, the default, always
    ///   computes them, so summaries and tests see every task that ended.
    ///   - workload: what the request generator feeding the pool is doing, if one is (the
    ///     snapshot leaves here complete: nothing patches it afterwards).
    public func snapshot(latencyMaxAgeNanos: UInt64 = 0, workload: WorkloadStatus? = nil) -> PoolSnapshot {
        queueLock.lock()
        let now = MonotonicClock.now()
        var totals = state.totals
        totals.queued = state.waiting
        let configuration = state.configuration
        let occupants = state.occupants
        let displayed = state.displayedSlots
        let slotCount = max(state.workerRole == nil ? 0 : configuration.cap, state.nextFreshSlot)
        let head = state.queue.prefix(64).map { QueuedTask(tag: $0.tag, waitedNanos: now &- $0.enqueuedAt) }
        let histograms = sampling.latencyIsDue(now: now, maxAgeNanos: latencyMaxAgeNanos)
            ? (state.timings.queueWait, state.timings.service, state.timings.requestLatency) : nil
        let ledger = state.ledger
        let profile = (state.timings.meanComputeNanos, state.timings.meanBlockedNanos)
        let peaks = (state.peakBusy, state.peakThreads, state.peakQueueDepth)
        let ceilingHit = state.ceilingHit
        // Not `Array(events)` when empty: swift-collections then writes a count into the shared
        // empty-array storage, which ThreadSanitizer reports as a race between two pools.
        let events = state.events.isEmpty ? [] : Array(state.events)
        var workers = state.workerStats
        let crashedAt = state.crashedAt
        queueLock.unlock()

        let slotStates = displayed.map { place -> SlotState in
            guard let place, let occupant = occupants[place.index] else { return .empty }
            return occupant.role.executor.slotState(place.index, retiring: place.leaving, crashedAt: crashedAt, now: now, in: self)
        }
        let region = processes?.region
        var lock = sharedLock.stats, counterStats = counter.stats
        if let region {
            lock = lock.combined(with: region.lockStats(scanningSlots: slotCount))
            counterStats = counterStats.combined(with: region.counter)
            workers.recoveredLocks = region.recoveredLocks  // the region counts them; reset keeps them
        }
        let rates = sampling.rates(now: now, completedTasks: totals.completed, completedRequests: ledger.completed,
                                   children: { self.processes?.pids ?? [] })
        let latency = sampling.latencySummaries(histograms.map { ($0.0.summary, $0.1.summary, $0.2.summary) }, at: now)
        var process = rates.process
        process.threads = max(process.threads, 1)
        return PoolSnapshot(
            elapsedNanos: now &- origin,
            configuration: configuration,
            cores: MonotonicClock.cores,
            slots: slotStates,
            liveWorkers: occupants.count,
            peakBusy: peaks.0,
            peakThreads: peaks.1,
            totals: totals,
            peakQueueDepth: peaks.2,
            queueHead: head,
            tasksPerSecond: rates.tasks,
            requestsPerSecond: rates.requests,
            lock: lock,
            interpreterLock: interpreterLock.stats,
            counter: counterStats,
            queueWait: latency.queueWait,
            service: latency.service,
            requests: RequestStats(arrived: ledger.arrived, completed: ledger.completed, failed: ledger.failed,
                                   latency: latency.requests),
            meanComputeNanos: profile.0,
            meanBlockedNanos: profile.1,
            process: process,
            ceilingHit: ceilingHit,
            workers: workers,
            events: events,
            workload: workload
        )
    }
}

extension WorkerPool: TaskSink {
    /// Submits a simulated task (the workload generator's entry).
    public func submit(_ spec: TaskSpec, costNanos: UInt64, tag: TaskTag) -> SubmitResult {
        submit(spec, costNanos: costNanos, tag: tag, onFinish: nil)
    }

    /// Counts a request as in service from its arrival.
    public func requestArrived(_ tag: TaskTag) {
        queueLock.withLock { state.requestArrived(tag) }
    }

    /// Now on the monotonic clock.
    public var nowNanos: UInt64 { MonotonicClock.now() }
}
