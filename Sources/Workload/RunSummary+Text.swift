import PoolCore

extension RunSummary {
    /// The summary as a few aligned lines for people (what `pooltop run` prints without `--json`).
    public var text: String {
        func f(_ value: Double, _ decimals: Int = 2) -> String {
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let rounded = (value * scale).rounded() / scale
            let whole = Int(rounded)
            guard decimals > 0 else { return "\(whole)" }
            let fraction = Int((abs(rounded - Double(whole)) * scale).rounded())
            let digits = String(fraction)
            return "\(rounded < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: max(0, decimals - digits.count)))\(digits)"
        }
        let s = scenario
        var lines: [String] = []
        lines.append("pooltop run — \(s.mode), cap \(s.cap), \(s.requests) requests × \(s.fanout) tasks of \(s.task), arrival \(s.arrival), seed \(s.seed)")
        lines.append("  tasks      accepted \(tasks.accepted)  completed \(tasks.completed)  failed \(tasks.failed)  cancelled \(tasks.cancelled)  rejected \(tasks.rejected)\(tasks.callerRuns > 0 ? "  ran by caller \(tasks.callerRuns)" : "")")
        lines.append("  requests   completed \(requests.completed)/\(requests.arrived)  latency p50 \(f(requests.latencyMs.p50)) ms  p90 \(f(requests.latencyMs.p90)) ms  p99 \(f(requests.latencyMs.p99)) ms  max \(f(requests.latencyMs.max)) ms")
        lines.append("  time       wall \(f(wallSeconds, 3)) s  ideal \(f(idealSeconds, 3)) s  efficiency \(f(efficiency * 100, 1)) %  throughput \(f(throughputTasksPerSecond, 0)) tasks/s")
        lines.append("  pool       peak busy \(peakBusy)  peak threads \(peakThreads)\(ceilingHit ? " (ceiling \(s.ceiling) hit: tasks waited)" : "")  queue peak \(queue.peakDepth)  wait p50 \(f(queue.waitMs.p50)) ms  p99 \(f(queue.waitMs.p99)) ms")
        if lock.enabled {
            let share = lock.acquisitions == 0 ? 0 : Double(lock.contended) / Double(lock.acquisitions) * 100
            lines.append("  lock       \(lock.acquisitions) acquisitions, \(f(share, 1)) % contended, wait total \(f(lock.waitMsTotal)) ms  max \(f(lock.waitMsMax, 3)) ms  hold total \(f(lock.holdMsTotal)) ms")
        } else {
            lines.append("  lock       off: increments raced")
        }
        if s.mode == PoolMode.processes.rawValue || workers.spawned > 0 {
            lines.append("  workers    \(workers.spawned) processes started, \(workers.crashed) crashed, \(workers.replaced) replaced, \(tasks.retried) tasks retried\(workers.recoveredLocks > 0 ? ", lock recovered \(workers.recoveredLocks)×" : "")  start-up max \(f(workers.startupMsMax, 1)) ms")
        }
        lines.append("  counter    expected \(counter.expected)  actual \(counter.actual)  lost updates \(counter.lostUpdates)")
        if gil.enabled {
            lines.append("  GIL        \(gil.acquisitions) acquisitions, \(gil.contended) contended, wait total \(f(gil.waitMsTotal)) ms")
        }
        if let limit {
            lines.append("  limiter    \(limit.algorithm): cap \(limit.final) at the end, \(limit.minSeen)–\(limit.maxSeen) during the run, moved \(limit.changes)×, \(limit.samples) samples, \(limit.drops) drops (bounds \(limit.minimum)…\(limit.maximum))")
        }
        lines.append("  machine    \(cores) cores, CPU \(f(cpuPercent, 0)) % of one core on average")
        return lines.joined(separator: "\n")
    }
}
