import PoolCore

/// The lower bound on a run's wall time that the cap, the cores and the arrivals allow: what
/// `efficiency = ideal / wall` is measured against.
///
/// Every task does its cost's work and then its critical section (a spin of CPU, on the shared lock
/// when it is on). The bound is the largest of four, each of which no pool can beat:
/// - slots: all work spread over `cap` workers, `Σ (cost + cs) / cap`;
/// - cores: all CPU work spread over `min(cap, cores)` cores, `Σ (cpu + cs) / min(cap, cores)`;
/// - lock: with the lock on, the critical sections one after another, `Σ cs`;
/// - arrivals: the latest `arrival + cost` of any task (a task cannot end before it arrived plus ran).
/// The interpreter lock is deliberately not part of the bound: its cost is what the efficiency shows.
public struct IdealTime: Sendable, Hashable {
    /// Nanoseconds.
    public var slotBoundNanos: Double
    public var coreBoundNanos: Double
    public var lockBoundNanos: Double
    public var arrivalBoundNanos: Double

    /// The bound for `scenario`'s scheduled bursts run with this concurrency and these cores.
    /// - Parameters:
    ///   - concurrency: the cap (thread and process mode) or the ceiling (unbounded mode).
    ///   - timeScale: the slow-motion factor every cost is stretched by.
    ///   - criticalSectionNanos: each task's critical section (not stretched by the time scale).
    ///   - lockEnabled: whether the critical sections queue for one lock.
    ///   - acceptedFraction: the share of the planned tasks the pool accepted (a bounded queue
    ///     rejects some): the slot, core and lock bounds count only the work that was done.
    public init(scenario: Scenario, concurrency: Int, cores: Int, timeScale: Double = 1,
                criticalSectionNanos: UInt64 = 0, lockEnabled: Bool = true, acceptedFraction: Double = 1) {
        let planner = BurstPlanner(scenario: scenario)
        var total = 0.0, cpu = 0.0, arrival = 0.0, tasks = 0.0
        for burst in 0..<(scenario.bursts ?? 1) {
            let burstStart = Double(UInt64(burst) * scenario.intervalNanos)
            for request in planner.requests(ofBurst: burst) {
                var longest = 0.0
                for cost in request.taskCosts {
                    let scaled = Double(cost) * timeScale
                    total += scaled
                    tasks += 1
                    cpu += Double(scenario.task.split(cost: UInt64(scaled)).cpu)
                    longest = max(longest, scaled)
                }
                arrival = max(arrival, burstStart + Double(request.offsetNanos) + longest)
            }
        }
        let share = min(1, max(0, acceptedFraction))
        let sections = tasks * Double(criticalSectionNanos)
        slotBoundNanos = (total + sections) * share / Double(max(1, concurrency))
        coreBoundNanos = (cpu + sections) * share / Double(max(1, min(concurrency, cores)))
        lockBoundNanos = lockEnabled ? sections * share : 0
        arrivalBoundNanos = arrival
    }

    /// The bound itself, in seconds.
    public var seconds: Double {
        max(slotBoundNanos, coreBoundNanos, lockBoundNanos, arrivalBoundNanos) / 1e9
    }
}
