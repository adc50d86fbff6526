import PoolCore

/// The series the graphs draw, one sample per snapshot.
public struct DashboardHistory: Sendable, Equatable {
    /// Samples kept per series: enough for a braille graph (two samples per column) across the
    /// widest screen pooltop expects.
    public static let capacity = 512

    /// Tasks waiting in the queue.
    public private(set) var queueDepth = SampleHistory(capacity: capacity)
    /// Tasks completed per second.
    public private(set) var tasksPerSecond = SampleHistory(capacity: capacity)
    /// Requests completed per second.
    public private(set) var requestsPerSecond = SampleHistory(capacity: capacity)
    /// The share of lock acquisitions that had to wait since the previous sample, in percent.
    public private(set) var lockContention = SampleHistory(capacity: capacity)

    /// The lock figures at the previous sample, to turn running totals into per-interval ratios.
    private var previousLock: LockStats?

    /// Creates empty histories.
    public init() {}

    /// Records one sample of every series from `snapshot`.
    public mutating func record(_ snapshot: PoolSnapshot) {
        queueDepth.append(Double(snapshot.queueDepth))
        tasksPerSecond.append(snapshot.tasksPerSecond)
        requestsPerSecond.append(snapshot.requestsPerSecond)
        lockContention.append(DashboardHistory.intervalContention(from: previousLock, to: snapshot.lock) * 100)
        previousLock = snapshot.lock
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
