import PoolCore

/// The requests of the last few seconds, for Little's law on screen: the rate λ at which they
/// finished, their mean latency W, and the mean number in service L, all over the same window.
///
/// One snapshot's rate drops to 0 between bursts; over a window of several seconds λ, W and the
/// measured L stay meaningful during a burst and after it, and L ≈ λW can be checked.
public struct RequestWindow: Sendable, Equatable {
    /// The window, in nanoseconds of engine time.
    public static let spanNanos: UInt64 = 10_000_000_000

    /// What one snapshot said about requests.
    struct Sample: Sendable, Equatable {
        var elapsedNanos: UInt64
        /// Requests with a recorded latency, and the sum of those latencies (nanoseconds).
        var finished: Int
        var latencySum: Double
        var inService: Int
        /// Requests that had arrived.
        var arrived = 0
    }

    /// The samples in the window, oldest first, plus the newest one older than it (its start).
    private(set) var samples: [Sample] = []

    /// Creates an empty window.
    public init() {}

    /// Adds the snapshot's figures and forgets samples that left the window. A statistics reset
    /// (fewer finished requests than before) or a restarted clock starts the window afresh.
    public mutating func record(_ snapshot: PoolSnapshot) {
        let latency = snapshot.requests.latency
        let sample = Sample(elapsedNanos: snapshot.elapsedNanos, finished: latency.count,
                            latencySum: latency.mean * Double(latency.count), inService: snapshot.requests.inService,
                            arrived: snapshot.requests.arrived)
        if let last = samples.last, sample.finished < last.finished || sample.elapsedNanos < last.elapsedNanos {
            samples.removeAll()
        }
        samples.append(sample)
        let start = sample.elapsedNanos &- min(sample.elapsedNanos, RequestWindow.spanNanos)
        // Keep one sample at or before the start, so the window covers its whole span.
        var drop = 0
        while drop + 1 < samples.count, samples[drop + 1].elapsedNanos <= start { drop += 1 }
        if drop > 0 { samples.removeFirst(drop) }
    }

    /// The time the window covers now, in nanoseconds (less than `spanNanos` early on).
    public var coveredNanos: UInt64 {
        guard let first = samples.first, let last = samples.last else { return 0 }
        return last.elapsedNanos - first.elapsedNanos
    }

    /// Requests finished in the window.
    public var finished: Int {
        guard let first = samples.first, let last = samples.last else { return 0 }
        return last.finished - first.finished
    }

    /// λ: requests finished per second over the window; nil before it covers any time.
    public var rate: Double? {
        let covered = coveredNanos
        guard covered > 0 else { return nil }
        return Double(finished) / (Double(covered) / 1e9)
    }

    /// Requests arrived per second over the window; nil before it covers any time.
    public var arrivalRate: Double? {
        guard let first = samples.first, let last = samples.last, coveredNanos > 0 else { return nil }
        return Double(last.arrived - first.arrived) / (Double(coveredNanos) / 1e9)
    }

    /// W: the mean latency of the requests that finished in the window, in nanoseconds; nil when
    /// none did.
    public var meanLatencyNanos: Double? {
        guard let first = samples.first, let last = samples.last, finished > 0 else { return nil }
        return (last.latencySum - first.latencySum) / Double(finished)
    }

    /// L as measured: the time-weighted mean number of requests in service over the window.
    public var meanInService: Double? {
        let covered = coveredNanos
        guard covered > 0 else { return nil }
        var area = 0.0
        for (previous, next) in zip(samples, samples.dropFirst()) {
            area += Double(next.inService) * Double(next.elapsedNanos - previous.elapsedNanos)
        }
        return area / Double(covered)
    }
}
