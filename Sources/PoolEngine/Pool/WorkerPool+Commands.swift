import PoolCore

extension WorkerPool {
    /// The configuration as it is now.
    public var configuration: PoolConfiguration {
        queueLock.withLock { state.configuration }
    }

    /// Sets the cap. Growing starts workers; shrinking retires idle workers at once and busy ones
    /// when their task ends. No task starts while as many run as the new cap.
    /// - Parameter logged: whether the events list says so (an adaptive limiter's many small
    ///   moves are not logged one by one).
    public func resize(to cap: Int, logged: Bool = true) {
        let cap = PoolLimits.clampCap(cap)
        let started = queueLock.withLock {
            let started = state.resize(to: cap, now: MonotonicClock.now(), logged: logged)
            holdLeavingProcessSlots()
            if started != nil { queueLock.broadcast(.work) }
            return started
        }
        startWorkers(in: started ?? [])
    }

    /// Switches between thread, process and unbounded mode while running: the old workers finish
    /// their tasks and leave, queued tasks stay queued for the new executor, nothing is lost or run
    /// twice.
    /// - Returns: false when `mode` is not available (process mode without its shared region).
    @discardableResult
    public func switchMode(to mode: PoolMode) -> Bool {
        guard mode.executor.isAvailable(in: self) else { return false }
        let switched = queueLock.withLock {
            let switched = state.switchMode(to: mode, now: MonotonicClock.now())
            holdLeavingProcessSlots()
            if switched != nil { queueLock.broadcast(.work) }
            return switched
        }
        guard let switched else { return true }
        startWorkers(in: switched.workers)
        startTaskThreads(switched.launches)
        return true
    }

    /// Turns the shared lock on or off for tasks that start from now on.
    public func setLockEnabled(_ enabled: Bool) {
        change("lock \(enabled ? "on" : "off")") { $0.lockEnabled = enabled }
    }

    /// Sets what a full bounded queue does with new work from now on.
    public func setRejectPolicy(_ policy: RejectPolicy) {
        change("full queue: \(policy.rawValue)") { $0.rejectPolicy = policy }
    }

    /// Notes which adaptive limiter moves the cap (nil or `fixed`: none), and keeps the samples it
    /// learns from while one is on. The limiter itself runs beside the pool (`Sessions`).
    public func setLimiter(_ settings: LimitSettings?) {
        let adaptive = settings.map { $0.algorithm.isAdaptive } ?? false
        queueLock.withLock {
            let message = adaptive
                ? "limiter \(settings!.algorithm.rawValue) moves the cap (\(settings!.minimum)…\(settings!.maximum))"
                : "limiter off: the cap stays at \(state.configuration.cap)"
            state.changeSettings(message, now: MonotonicClock.now()) { $0.limiter = settings }
            state.keepLimitSamples(adaptive)
        }
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

    /// Sets how long each task stays inside the shared lock's critical section, for tasks that
    /// start from now on (thread, process and unbounded mode alike), clamped to
    /// `PoolLimits.criticalSection`. Logs the change: "critical section 20us → 2ms".
    public func setCriticalSection(nanos: UInt64) {
        let clamped = PoolLimits.clampCriticalSection(nanos)
        queueLock.withLock {
            let before = state.configuration.criticalSectionNanos
            var message = "critical section \(DurationText.format(nanoseconds: before)) → \(DurationText.format(nanoseconds: clamped))"
            if clamped != nanos { message += " (at most \(DurationText.format(nanoseconds: PoolLimits.criticalSection.upperBound)))" }
            state.changeSettings(message, now: MonotonicClock.now()) { $0.criticalSectionNanos = clamped }
        }
    }

    /// Applies `body` to the configuration and logs `message`.
    private func change(_ message: String, _ body: (inout PoolConfiguration) -> Void) {
        queueLock.withLock { state.changeSettings(message, now: MonotonicClock.now(), body) }
    }

    /// Adds a line to the events list (bursts, arrivals, work kind: things the pool does not see).
    public func record(_ kind: PoolEvent.Kind, _ message: String) {
        queueLock.withLock { state.log(kind, message, now: MonotonicClock.now()) }
    }

    /// Forgets latency histograms, lock figures, peaks and the counter; totals keep adding up.
    public func resetStatistics() {
        queueLock.withLock { state.resetStatistics(now: MonotonicClock.now()) }
        sharedLock.withLock { counter.reset() }
        processes?.region.reset()
        sharedLock.resetStatistics()
        interpreterLock.resetStatistics()
    }
}
