import PoolCore

extension RunSummary {
    /// The summary of a run of `scenario` that ended in `snapshot` after `wallNanos`.
    public init(scenario: Scenario, snapshot: PoolSnapshot, wallNanos: UInt64) {
        let configuration = snapshot.configuration
        // With a limiter the cap moved: the ideal is the one the highest cap it set allows.
        let concurrency = configuration.mode == .unbounded ? configuration.ceiling : (snapshot.limiter?.maxSeen ?? configuration.cap)
        let planned = scenario.requests * scenario.fanout * (scenario.bursts ?? 1)
        let ideal = IdealTime(scenario: scenario, concurrency: concurrency, cores: snapshot.cores, timeScale: configuration.timeScale,
                              criticalSectionNanos: configuration.criticalSectionNanos, lockEnabled: configuration.lockEnabled,
                              acceptedFraction: Double(snapshot.totals.accepted) / Double(max(1, planned))).seconds
        let wall = Double(wallNanos) / 1e9
        let ms = { (nanos: UInt64) in Double(nanos) / 1e6 }
        self.scenario = ScenarioPart(
            mode: configuration.mode.rawValue, cap: configuration.cap, requests: scenario.requests, fanout: scenario.fanout,
            task: scenario.task.description, lock: configuration.lockEnabled, gil: configuration.interpreterLockEnabled,
            seed: scenario.seed, arrival: scenario.arrival.name, bursts: scenario.bursts ?? 1,
            costDist: scenario.costDistribution.rawValue, slowmo: configuration.timeScale, queueBound: configuration.queueBound,
            rejectPolicy: configuration.rejectPolicy.rawValue, ceiling: configuration.ceiling,
            criticalSectionUs: Double(configuration.criticalSectionNanos) / 1e3)
        let totals = snapshot.totals
        tasks = TasksPart(accepted: totals.accepted, completed: totals.completed, failed: totals.failed,
                          cancelled: totals.cancelled, rejected: totals.rejected, callerRuns: totals.ranByCaller,
                          retried: totals.retried)
        let latency = snapshot.requests.latency
        requests = RequestsPart(arrived: snapshot.requests.arrived, completed: snapshot.requests.completed,
                                failed: snapshot.requests.failed,
                                latencyMs: Percentiles(p50: ms(latency.p50), p90: ms(latency.p90), p99: ms(latency.p99), max: ms(latency.max)))
        peakBusy = snapshot.peakBusy
        peakThreads = snapshot.peakThreads
        ceilingHit = snapshot.ceilingHit
        wallSeconds = wall
        idealSeconds = ideal
        efficiency = wall > 0 ? ideal / wall : 0
        throughputTasksPerSecond = wall > 0 ? Double(totals.completed) / wall : 0
        queue = QueuePart(peakDepth: snapshot.peakQueueDepth,
                          waitMs: .init(p50: ms(snapshot.queueWait.p50), p99: ms(snapshot.queueWait.p99)))
        lock = LockPart(enabled: configuration.lockEnabled, acquisitions: snapshot.lock.acquisitions,
                        contended: snapshot.lock.contended, waitMsTotal: ms(snapshot.lock.waitNanosTotal),
                        waitMsMax: ms(snapshot.lock.waitNanosMax), holdMsTotal: ms(snapshot.lock.holdNanosTotal))
        counter = CounterPart(expected: snapshot.counter.expected, actual: snapshot.counter.actual,
                              lostUpdates: snapshot.counter.lostUpdates)
        gil = InterpreterLockPart(enabled: configuration.interpreterLockEnabled,
                                  acquisitions: snapshot.interpreterLock.acquisitions,
                                  contended: snapshot.interpreterLock.contended,
                                  waitMsTotal: ms(snapshot.interpreterLock.waitNanosTotal))
        let workers = snapshot.workers
        self.workers = WorkersPart(spawned: workers.spawned, crashed: workers.crashed, replaced: workers.replaced,
                                   spawnFailures: workers.spawnFailures, recoveredLocks: workers.recoveredLocks,
                                   startupMsMax: ms(workers.maxStartupNanos))
        cpuPercent = snapshot.process.cpuPercent
        cores = snapshot.cores
        limit = snapshot.limiter.map { status in
            LimitPart(algorithm: status.settings.algorithm.rawValue, final: status.cap, minSeen: status.minSeen, maxSeen: status.maxSeen,
                      changes: status.changes, minimum: status.settings.minimum, maximum: status.settings.maximum,
                      samples: status.samples, drops: status.drops)
        }
    }
}
