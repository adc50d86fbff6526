#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PoolCore

/// The M/M/c queue: tasks arriving at random (Poisson) at rate λ, exponential service times of
/// mean S (μ = 1/S), and c servers (the pool's cap) taking from one FIFO queue.
///
/// The probability that a task has to wait is Erlang's C formula, computed from Erlang's B by its
/// recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then C = B / (1 − ρ(1 − B)): every step
/// stays between 0 and 1, so it is exact enough and never overflows for c up to 4,096 (the
/// textbook form with aᶜ/c! overflows near c = 170). The queue wait is then exponential past 0:
/// P(Wq > t) = C·e^{−(cμ−λ)t}.
///
/// When ρ = λS/c ≥ 1 work arrives faster than c servers finish it and the queue grows without
/// bound: `isStable` is false and every wait figure is nil (never ∞ or NaN).
public struct ErlangC: Sendable, Hashable {
    /// λ: tasks arriving per second (0 when given a negative or non-finite rate).
    public var arrivalRate: Double
    /// S: the mean service time in seconds (0 when given a negative or non-finite time).
    public var serviceSeconds: Double
    /// c: the number of servers, at least 1.
    public var servers: Int

    /// The queue with these parameters; inputs out of range are clamped (see each property).
    public init(arrivalRate: Double, serviceSeconds: Double, servers: Int) {
        self.arrivalRate = arrivalRate.isFinite ? max(0, arrivalRate) : 0
        self.serviceSeconds = serviceSeconds.isFinite ? max(0, serviceSeconds) : 0
        self.servers = max(1, servers)
    }

    /// a = λ/μ = λS: the offered load, the mean number of busy servers it asks for (in Erlangs).
    public var offeredLoad: Double { arrivalRate * serviceSeconds }

    /// ρ = a/c: the utilisation of each server.
    public var utilisation: Double { offeredLoad / Double(servers) }

    /// True when ρ < 1, the queue has a steady state.
    public var isStable: Bool { utilisation < 1 }

    /// Erlang's B formula: the probability that all c servers are busy in a loss system.
    public var blockingProbability: Double {
        let a = offeredLoad
        var b = 1.0
        guard a > 0 else { return 0 }
        for k in 1...servers {
            b = a * b / (Double(k) + a * b)
        }
        return b
    }

    /// C: the probability that an arriving task waits (all servers busy); nil when unstable.
    public var waitProbability: Double? {
        guard isStable else { return nil }
        let b = blockingProbability
        let c = b / (1 - utilisation * (1 - b))
        return min(1, max(0, c))
    }

    /// The rate the queue drains at when every server is busy, cμ − λ (per second); nil when
    /// unstable or when there is no work.
    private var drainRate: Double? {
        guard isStable, serviceSeconds > 0 else { return nil }
        return Double(servers) / serviceSeconds - arrivalRate
    }

    /// Wq = C / (cμ − λ): the mean time a task waits in the queue, in seconds; nil when unstable.
    public var meanWaitSeconds: Double? {
        guard let c = waitProbability else { return nil }
        guard let rate = drainRate, rate > 0 else { return 0 }
        return c / rate
    }

    /// The wait that a share `quantile` (0...1, e.g. 0.99) of tasks does not exceed:
    /// max(0, ln(C / (1 − p)) / (cμ − λ)), in seconds; nil when unstable or `quantile` is not below 1.
    public func waitSeconds(atQuantile quantile: Double) -> Double? {
        guard let c = waitProbability, quantile >= 0, quantile < 1 else { return nil }
        guard let rate = drainRate, rate > 0, c > 0 else { return 0 }
        return max(0, log(c / (1 - quantile)) / rate)
    }

    /// The 99th percentile of the queue wait, in seconds; nil when unstable.
    public var p99WaitSeconds: Double? { waitSeconds(atQuantile: 0.99) }

    /// What the model predicts, as the sweep compares it with measurements.
    public var prediction: QueuePrediction {
        QueuePrediction(model: .erlangC(servers: servers), serviceSeconds: serviceSeconds, utilisation: utilisation,
                        isStable: isStable, waitProbability: waitProbability, meanWaitSeconds: meanWaitSeconds,
                        p99WaitSeconds: p99WaitSeconds)
    }
}
