import PoolCore

extension WorkerPool {
    /// The configuration as it is now.
    public var configuration: PoolConfiguration {
        queueLock.withLock { state.configuration }
    }

    /// Sets the cap. Growing starts workers; shrinking retires idle workers at once and busy ones
    /// when their task ends. No task starts while as many run as the new cap.
    public func resize(to cap: Int) {
        let cap = PoolLimits.clampCap(cap)
        queueLock.lock()
        let old = state.configuration.cap
        guard old != cap else { return queueLock.unlock() }
        state.configuration.cap = cap
        let started = state.balanceWorkers()
        state.log(.resized, "cap \(old) → \(cap)", now: MonotonicClock.now())
        queueLock.broadcast(.work)
        queueLock.unlock()
        startWorkers(in: started)
    }

    /// Switches between thread, process and unbounded mode while running: the old workers finish
    /// their tasks and leave, queued tasks stay queued for the new executor, nothing is lost or run
    /// twice.
    /// - Returns: false when `mode` is not available (process mode without its shared region).
    @discardableResult
    public func switchMode(to mode: PoolMode) -> Bool {
        guard mode != .processes || processes != nil else { return false }
        queueLock.lock()
        let old = state.configuration.mode
        guard old != mode else {
            queueLock.unlock()
            return true
        }
        state.configuration.mode = mode
        state.ceilingHit = false
        let started = state.balanceWorkers()
        let perTask = dispatchPerTaskThreads()
        state.log(.modeSwitched, "mode \(old.rawValue) → \(mode.rawValue)", now: MonotonicClock.now())
        queueLock.broadcast(.work)
        queueLock.unlock()
        startWorkers(in: started)
        startPerTaskThreads(perTask)
        return true
    }

    /// Turns the shared lock on or off for tasks that start from now on.
    public func setLockEnabled(_ enabled: Bool) {
        change("lock \(enabled ? "on" : "off")") { $0.lockEnabled = enabled }
    }

    /// Turns the interpreter-lock emulation on or off for tasks that start from now on.
    public func setInterpreterLockEnabled(_ enabled: Bool) {
        change("interpreter lock (GIL) \(enabled ? "on" : "off")") { $0.interpreterLockEnabled = enabled }
    }

    /// Sets the time scale (slow motion) for tasks that start from now on.
    public func setTimeScale(_ scale: Double) {
        let scale = PoolLimits.clampTimeScale(scale)
        change("time scale ×\(DurationText.trimmed(scale))") { $0.timeScale = scale }
    }

    /// Applies `body` to the configuration and logs `message`.
    private func change(_ message: String, _ body: (inout PoolConfiguration) -> Void) {
        queueLock.withLock {
            body(&state.configuration)
            state.log(.settingChanged, message, now: MonotonicClock.now())
        }
    }

    /// Adds a line to the events list (bursts, arrivals, work kind: things the pool does not see).
    public func record(_ kind: PoolEvent.Kind, _ message: String) {
        queueLock.withLock { state.log(kind, message, now: MonotonicClock.now()) }
    }

    /// Forgets latency histograms, lock figures, peaks and the counter; totals keep adding up.
    public func resetStatistics() {
        queueLock.withLock {
            state.queueWait.reset()
            state.service.reset()
            state.requestLatency.reset()
            state.computeNanosTotal = 0
            state.blockedNanosTotal = 0
            state.profiledTasks = 0
            state.peakBusy = state.totals.running
            state.peakThreads = state.occupants.count
            state.peakQueueDepth = state.queue.count
            state.ceilingHit = false
            state.workerStats = WorkerProcessStats()
            state.crashedAt = [:]
            state.log(.statisticsReset, "statistics reset", now: MonotonicClock.now())
        }
        sharedLock.withLock { counter.reset() }
        processes?.region.reset()
        sharedLock.resetStatistics()
        interpreterLock.resetStatistics()
    }

    /// Carries out a dashboard command that concerns the pool; returns false for the ones that do not
    /// (bursts, arrivals, work kind), which belong to the workload.
    @discardableResult
    public func apply(_ command: PoolCommand) -> Bool {
        switch command {
        case .resize(let cap): resize(to: cap)
        case .switchMode(let mode):
            if !switchMode(to: mode) { record(.settingChanged, "mode \(mode.rawValue) is not available") }
        case .setLockEnabled(let on): setLockEnabled(on)
        case .setInterpreterLockEnabled(let on): setInterpreterLockEnabled(on)
        case .setTimeScale(let scale): setTimeScale(scale)
        case .resetStatistics: resetStatistics()
        case .killWorker:
            if !killRandomWorker() { record(.settingChanged, "k kills a worker process: switch to process mode first (m)") }
        case .setWorkKind, .fireBurst, .setArrivalsEnabled: return false
        }
        return true
    }
}
