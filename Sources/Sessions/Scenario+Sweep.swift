import PoolCore
import Sizing
import Workload

extension Scenario {
    /// The mean number of busy workers the arrivals ask for, by Little's law: tasks arriving per
    /// second × mean task time (stretched by `timeScale`). Nil for a burst that arrives all at
    /// once, which asks for as many workers as it has tasks.
    public func offeredConcurrency(timeScale: Double = 1) -> Double? {
        let taskSeconds = Double(task.costNanos) * timeScale / 1e9
        switch arrival {
        case .burst(let window):
            guard window > 0 else { return nil }
            return Double(requests * fanout) * taskSeconds / (Double(window) / 1e9)
        case .poisson(let rate):
            return rate * Double(fanout) * taskSeconds
        }
    }

    /// The workload in words: `200 requests × 5 tasks of io:20ms within 1s`.
    public var workloadDescription: String {
        let base = "\(requests) requests × \(fanout) tasks of \(task)"
        switch arrival {
        case .burst(let window):
            return window == 0 ? base + " all at once" : base + " within " + DurationText.format(nanoseconds: window)
        case .poisson(let rate):
            return base + " at \(DurationText.trimmed(rate)) requests/s"
        }
    }

    /// One burst of this workload, shortened so a sweep point at the smallest of `caps` takes
    /// about `targetNanos`: fewer requests, arriving at the same rate (a burst's window shrinks
    /// with its size), so the load the pool sees per second stays the same.
    /// - Parameters:
    ///   - caps: the caps the sweep will measure.
    ///   - cores: cores of the machine (CPU work runs on at most this many at once).
    ///   - timeScale: the slow-motion factor the pool runs with.
    ///   - targetNanos: the time one point should take at most, roughly.
    public func scaledForQuickSweep(caps: [Int], cores: Int, timeScale: Double = 1, targetNanos: UInt64 = 1_500_000_000) -> Scenario {
        let smallest = Double(max(1, caps.min() ?? 1))
        let costSeconds = Double(task.costNanos) * timeScale / 1e9
        let split = task.split(cost: task.costNanos)
        let cpuShare = task.costNanos == 0 ? 0 : Double(split.cpu) / Double(task.costNanos)
        let workers = cpuShare > 0.5 ? min(smallest, Double(max(1, cores))) : smallest
        let target = Double(targetNanos) / 1e9
        var factor = 1.0
        let work = Double(requests * fanout) * costSeconds / workers
        if work > target { factor = min(factor, target / work) }
        switch arrival {
        case .burst(let window):
            let seconds = Double(window) / 1e9
            if seconds > target { factor = min(factor, target / seconds) }
        case .poisson(let rate):
            let seconds = Double(requests) / rate
            if seconds > target { factor = min(factor, target / seconds) }
        }
        var scaled = self
        scaled.bursts = 1
        scaled.requests = max(1, Int((Double(requests) * factor).rounded()))
        if case .burst(let window) = arrival {
            scaled.arrival = .burst(windowNanos: UInt64(Double(window) * Double(scaled.requests) / Double(requests)))
        }
        return scaled
    }
}
