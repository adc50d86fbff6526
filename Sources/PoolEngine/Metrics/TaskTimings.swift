/// How long tasks waited and ran, and what requests took: the pool's latency histograms and the
/// profile of its tasks' time (CPU or blocked). Part of `PoolState`, written under the queue lock.
struct TaskTimings {
    /// From being queued to starting.
    private(set) var queueWait = LatencyHistogram()
    /// From starting to ending.
    private(set) var service = LatencyHistogram()
    /// From a request's arrival to the end of its last task.
    private(set) var requestLatency = LatencyHistogram()
    /// The CPU the profiled tasks burned, in nanoseconds.
    private(set) var computeNanosTotal: UInt64 = 0
    /// The time the profiled tasks spent blocked, in nanoseconds.
    private(set) var blockedNanosTotal: UInt64 = 0
    /// The tasks that said what they spent their time on.
    private(set) var profiledTasks = 0

    /// A task waited `nanos` in the queue before it started.
    @inline(__always)
    mutating func waited(nanos: UInt64) {
        queueWait.record(nanos: nanos)
    }

    /// `record`'s task ran; with `profiling`, its CPU and blocked time join the profile (when it
    /// measured any). `requestNanos` is its request's latency when the task ended the request.
    mutating func ran(_ record: FinishedTask, profiling: Bool, requestNanos: UInt64?) {
        service.record(nanos: record.endedAt &- record.startedAt)
        if profiling, record.computeNanos + record.blockedNanos > 0 {
            computeNanosTotal &+= record.computeNanos
            blockedNanosTotal &+= record.blockedNanos
            profiledTasks += 1
        }
        if let requestNanos { requestLatency.record(nanos: requestNanos) }
    }

    /// Forgets everything (the histograms keep their storage).
    mutating func reset() {
        queueWait.reset()
        service.reset()
        requestLatency.reset()
        computeNanosTotal = 0
        blockedNanosTotal = 0
        profiledTasks = 0
    }

    /// The mean CPU of a profiled task, in nanoseconds (0 before any).
    var meanComputeNanos: Double { profiledTasks == 0 ? 0 : Double(computeNanosTotal) / Double(profiledTasks) }

    /// The mean blocked time of a profiled task, in nanoseconds (0 before any).
    var meanBlockedNanos: Double { profiledTasks == 0 ? 0 : Double(blockedNanosTotal) / Double(profiledTasks) }
}
