import PoolCore
import PoolEngine
import Sizing

/// Runs an adaptive limiter beside a pool: at each step it feeds the limiter the samples the pool
/// kept since the last step (each completed task's time in service and the tasks in flight, each
/// drop of the bounded queue), one by one as Netflix's `onSample`, and sets the pool's cap to the
/// limit's whole part.
///
/// The limiter is a value (`Sizing`); this class only holds it behind a lock, because the step
/// runs on the session's limiter thread while the screen reads the status and keys change it.
public final class LimitController: Sendable {
    private struct State {
        var settings: LimitSettings?
        var limit: (any ConcurrencyLimit)?
        var status: LimiterStatus?
    }

    /// The pool whose cap the limiter moves.
    public let pool: WorkerPool
    private let seed: UInt64
    private let state = LockedValue(State())

    /// Time between two steps on the session's limiter thread.
    public static let stepNanos: UInt64 = 10_000_000

    /// A controller for `pool`, running the limiter its configuration names, if any.
    /// - Parameter seed: draws Vegas's probe jitter (the scenario's seed).
    public init(pool: WorkerPool, seed: UInt64) {
        self.pool = pool
        self.seed = seed
        let configuration = pool.configuration
        if let settings = configuration.limiter {
            state.withLock { $0 = Self.started(settings, at: configuration.cap, seed: seed) }
            if let cap = status?.cap, cap != configuration.cap { pool.resize(to: cap) }
        }
    }

    /// The state of `settings`'s limiter starting at `cap` (off for `fixed`).
    private static func started(_ settings: LimitSettings, at cap: Int, seed: UInt64) -> State {
        guard let limit = settings.algorithm.makeLimit(initial: cap, bounds: settings.bounds, seed: seed) else { return State() }
        return State(settings: settings, limit: limit,
                     status: LimiterStatus(settings: settings, limit: limit.limit, cap: settings.bounds.clamp(limit.cap),
                                           referenceRttNanos: limit.referenceRttNanos))
    }

    /// Turns the limiter `settings` names on, starting from the pool's cap now (nil or `fixed`:
    /// off; the cap stays where it is).
    public func select(_ settings: LimitSettings?) {
        let cap = pool.configuration.cap
        pool.setLimiter(settings)
        state.withLock { $0 = settings.map { Self.started($0, at: cap, seed: seed) } ?? State() }
        if let cap = status?.cap { pool.resize(to: cap) }
    }

    /// Whether a limiter is on.
    public var isOn: Bool { state.withLock { $0.limit != nil } }

    /// Sets the pool's cap by hand (a key, a lesson): a limiter that is on starts again from
    /// `cap`, keeping what it measured.
    public func setCapByHand(_ cap: Int) {
        state.withLock { state in
            guard var limit = state.limit, var status = state.status else { return pool.resize(to: cap) }
            limit.restart(at: cap)
            status.limit = limit.limit
            status.cap = status.settings.bounds.clamp(limit.cap)
            pool.resize(to: status.cap)
            state.limit = limit
            state.status = status
        }
    }

    /// Feeds the limiter the samples the pool kept since the last step and moves the cap.
    public func step() {
        state.withLock { advance(&$0) }
    }

    /// Takes the samples the pool kept, feeds them to the limiter and moves the cap: under the
    /// controller's lock, so a snapshot (`stamp`) never shows the limiter's cap and the pool's apart.
    private func advance(_ state: inout State) {
        guard state.limit != nil else { return }
        let samples = pool.takeLimitSamples()
        let now = MonotonicClock.now() &- pool.origin
        guard var limit = state.limit, var status = state.status, !samples.isEmpty else { return }
        var rttSum = 0.0, rttCount = 0
        for sample in samples {
            let decision = limit.update(with: sample)
            status.samples += 1
            if sample.didDrop {
                status.drops += 1
            } else {
                rttSum += Double(sample.rttNanos)
                rttCount += 1
            }
            status.decision = decision
            if decision.changesCap {
                status.lastChange = decision
                status.lastChangeNanos = now
            }
        }
        if rttCount > 0 {
            let mean = rttSum / Double(rttCount)
            status.rttNanos = status.rttNanos == 0 ? mean : 0.7 * status.rttNanos + 0.3 * mean
        }
        status.limit = limit.limit
        status.referenceRttNanos = limit.referenceRttNanos
        let cap = status.settings.bounds.clamp(limit.cap)
        if cap != status.cap {
            status.cap = cap
            status.changes += 1
            status.minSeen = min(status.minSeen, cap)
            status.maxSeen = max(status.maxSeen, cap)
            pool.resize(to: cap, logged: false)
        }
        state.limit = limit
        state.status = status
    }

    /// The snapshot `take` makes, with the limiter's status as it stands then: the cap in both is
    /// the same, since the limiter moves the cap under the same lock.
    ///
    /// The limiter takes the samples kept until then first, so its drops agree with the pool's.
    public func stamp(_ take: () -> PoolSnapshot) -> PoolSnapshot {
        state.withLock { state in
            advance(&state)
            var snapshot = take()
            snapshot.limiter = state.status
            return snapshot
        }
    }

    /// Where the limiter stands; nil while none is on.
    public var status: LimiterStatus? { state.withLock { $0.status } }
}
