import PoolCore

/// What an adaptive limiter learns from the pool, kept while one is on (`keepLimitSamples`): each
/// completed task's time in service with the tasks in flight when it ended, and each task the
/// bounded queue dropped.
///
/// Like `TaskLog`, it lives in `PoolState`, so samples are appended where the pool already holds
/// its queue lock; it costs a branch when no limiter is on.
struct LimitFeed {
    /// The most samples kept between two drains (65 ms of a million tasks a second, six of the
    /// limiter's 10 ms steps); past it new ones are not kept, so a stalled limiter cannot make the
    /// pool grow without bound.
    static let capacity = 1 << 16

    private(set) var isKeeping = false
    private(set) var samples: [LimitSample] = []

    /// Starts or stops keeping samples; stopping forgets the undrained ones.
    mutating func keep(_ keep: Bool) {
        isKeeping = keep
        if !keep { samples.removeAll() }
    }

    /// Notes a task that completed after `rttNanos` in service with `inFlight` running.
    @inline(__always)
    mutating func completed(rttNanos: UInt64, inFlight: Int) {
        guard isKeeping else { return }
        append(LimitSample(rttNanos: rttNanos, inFlight: inFlight))
    }

    /// Notes a task the bounded queue dropped while `inFlight` ran.
    @inline(__always)
    mutating func dropped(inFlight: Int) {
        guard isKeeping else { return }
        append(.drop(inFlight: inFlight))
    }

    /// The samples kept since the last drain, oldest first.
    mutating func drain() -> [LimitSample] {
        defer { samples.removeAll(keepingCapacity: true) }
        return samples
    }

    private mutating func append(_ sample: LimitSample) {
        if samples.count < Self.capacity { samples.append(sample) }
    }
}
