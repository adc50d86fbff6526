import PoolCore

/// The series the graphs draw, one sample per `sampleIntervalNanos` of pool time.
///
/// Sampling on the pool's clock rather than per frame keeps a graph's time axis the same at any
/// `--fps` (one dot column is 100 ms), and between samples the graphs do not move, so a frame at
/// 30 fps rewrites only the figures that changed.
public struct DashboardHistory: Sendable, Equatable {
    /// Samples kept per series: enough for a braille graph (two samples per column) across the
    /// widest screen pooltop expects (51 s of history).
    public static let capacity = 512
    /// Pool time between two samples.
    public static let sampleIntervalNanos: UInt64 = 100_000_000

    /// Tasks waiting in the queue.
    public private(set) var queueDepth = SampleHistory(capacity: capacity)
    /// Tasks completed per second.
    public private(set) var tasksPerSecond = SampleHistory(capacity: capacity)
    /// Requests completed per second.
    public private(set) var requestsPerSecond = SampleHistory(capacity: capacity)
    /// The share of lock acquisitions that had to wait since the previous sample, in percent.
    public private(set) var lockContention = SampleHistory(capacity: capacity)

    /// The adaptive limiter's limit, the tasks in flight, its recent RTT and the RTT it compares
    /// with (ms), and the drops since the previous sample: one sample each while a limiter is on.
    public private(set) var limit = SampleHistory(capacity: capacity)
    public private(set) var limitInFlight = SampleHistory(capacity: capacity)
    public private(set) var limitRttMillis = SampleHistory(capacity: capacity)
    public private(set) var limitReferenceMillis = SampleHistory(capacity: capacity)
    public private(set) var limitDrops = SampleHistory(capacity: capacity)
    /// The limiter's drop total at the previous sample.
    private var previousLimitDrops: Int?

    /// The lock figures at the previous sample, to turn running totals into per-interval ratios.
    private var previousLock: LockStats?
    /// The interpreter lock's running totals at the last `interpreterLockWindow + 1` samples.
    private var interpreterLockSamples: [LockStats] = []
    /// The shared lock's running totals over the same samples.
    private var lockSamples: [LockStats] = []
    /// Samples the interpreter lock's recent figures span (2 s of pool time).
    static let interpreterLockWindow = 20
    /// The pool time (snapshot `elapsedNanos`) from which the next sample is taken.
    private var nextSampleAt: UInt64 = 0

    /// Creates empty histories.
    public init() {}

    /// Records one sample of every series from `snapshot`, unless the previous sample is less
    /// than `sampleIntervalNanos` of pool time old.
    public mutating func record(_ snapshot: PoolSnapshot) {
        guard snapshot.elapsedNanos >= nextSampleAt else { return }
        let interval = Self.sampleIntervalNanos
        nextSampleAt = (snapshot.elapsedNanos / interval + 1) * interval
        queueDepth.append(Double(snapshot.queueDepth))
        tasksPerSecond.append(snapshot.tasksPerSecond)
        requestsPerSecond.append(snapshot.requestsPerSecond)
        lockContention.append(DashboardHistory.intervalContention(from: previousLock, to: snapshot.lock) * 100)
        previousLock = snapshot.lock
        if let limiter = snapshot.limiter {
            limit.append(limiter.limit)
            limitInFlight.append(Double(snapshot.busy))
            limitRttMillis.append(limiter.rttNanos / 1e6)
            limitReferenceMillis.append((limiter.referenceRttNanos ?? 0) / 1e6)
            limitDrops.append(Double(max(0, limiter.drops - (previousLimitDrops ?? limiter.drops))))
            previousLimitDrops = limiter.drops
        } else {
            previousLimitDrops = nil
        }
        interpreterLockSamples.append(snapshot.interpreterLock)
        if interpreterLockSamples.count > Self.interpreterLockWindow + 1 { interpreterLockSamples.removeFirst() }
        lockSamples.append(snapshot.lock)
        if lockSamples.count > Self.interpreterLockWindow + 1 { lockSamples.removeFirst() }
    }

    /// The shared lock over the last 2 s of samples, like `recentInterpreterLock(now:)`.
    public func recentLock(now current: LockStats) -> LockStats {
        Self.recent(lockSamples.first, current)
    }

    /// The interpreter lock over the last 2 s of samples (waiters and the longest wait as they are
    /// now), so its figures describe the mode the pool is in, not minutes of an earlier one.
    public func recentInterpreterLock(now current: LockStats) -> LockStats {
        Self.recent(interpreterLockSamples.first, current)
    }

    /// `current` less the totals of `first` (what happened since), or `current` after a reset.
    private static func recent(_ first: LockStats?, _ current: LockStats) -> LockStats {
        guard let first, current.acquisitions >= first.acquisitions,
              current.contended >= first.contended, current.waitNanosTotal >= first.waitNanosTotal,
              current.acquisitions > first.acquisitions else { return current }
        var recent = current
        recent.acquisitions = current.acquisitions - first.acquisitions
        recent.contended = current.contended - first.contended
        recent.waitNanosTotal = current.waitNanosTotal - first.waitNanosTotal
        recent.holdNanosTotal = current.holdNanosTotal &- first.holdNanosTotal
        return recent
    }

    /// The share of acquisitions between two samples of a lock that had to wait, 0...1.
    ///
    /// After a statistics reset (the totals went down) the figures since the reset are used.
    static func intervalContention(from previous: LockStats?, to current: LockStats) -> Double {
        guard let previous, current.acquisitions >= previous.acquisitions, current.contended >= previous.contended else {
            return current.contentionRatio
        }
        let acquisitions = current.acquisitions - previous.acquisitions
        guard acquisitions > 0 else { return 0 }
        return Double(current.contended - previous.contended) / Double(acquisitions)
    }
}
