import Glibc
import PoolCore

/// Fires the scenario's bursts into a task sink at the right instants, and takes live commands
/// (fire a burst now, arrivals on/off, another kind of work).
///
/// The driver keeps time on the clock it is given (by default the sink's), so a test can step it
/// through a scenario without sleeping: `step()` submits whatever has fallen due and says when the
/// next thing is due. `run()` is the same steps in a blocking loop, for a thread of its own. It never
/// blocks the pool: it only submits.
public final class ScenarioDriver: Sendable {
    private struct ActiveBurst {
        var index: Int
        var requests: [PlannedRequest]
        var startNanos: UInt64
        /// True for a burst the schedule fired (not `b`): a Poisson stream's next one waits for it.
        var isScheduled = true
        var next = 0

        var isDone: Bool { next >= requests.count }
        /// When the next request of this burst arrives, if one is left.
        var nextArrivalNanos: UInt64? { isDone ? nil : startNanos + requests[next].offsetNanos }
        /// When its last request arrives.
        var endNanos: UInt64 { startNanos + (requests.last?.offsetNanos ?? 0) }
    }

    private struct State {
        var task: TaskSpec
        var arrivalsEnabled: Bool
        var pendingFires = 0
        var stopping = false
        var finished = false
        var started = false
        var burstsFired = 0
        var burstSubmitted = 0
        var burstSize = 0
        var nextBurstAtNanos: UInt64?
        var nextRequestID = 1
    }

    /// How long `run()` sleeps at most between steps, so that commands take effect promptly.
    public static let commandLatencyNanos: UInt64 = 10_000_000

    public let scenario: Scenario
    private let planner: BurstPlanner
    private let sink: any TaskSink
    private let clock: @Sendable () -> UInt64
    private let state: LockedValue<State>
    /// The bursts being submitted; touched only by the thread that steps the driver.
    private let active = LockedValue<[ActiveBurst]>([])
    /// Given when the driver finishes.
    private let finishedSignal = WakeSignal()

    /// A driver for `scenario` into `sink`. With `scenario.bursts == nil` bursts repeat every interval
    /// while arrivals are enabled (`arrivalsEnabled`), and `fireBurst()` adds one at any time.
    /// - Parameter clock: now, in nanoseconds, for the schedule; nil uses the sink's clock. Request
    ///   arrival times given to the sink always come from the sink's clock.
    public init(scenario: Scenario, sink: any TaskSink, arrivalsEnabled: Bool = true, clock: (@Sendable () -> UInt64)? = nil) {
        self.scenario = scenario
        self.planner = BurstPlanner(scenario: scenario)
        self.sink = sink
        self.clock = clock ?? { [sink] in sink.nowNanos }
        self.state = LockedValue(State(task: scenario.task, arrivalsEnabled: arrivalsEnabled))
    }

    // MARK: - Commands

    /// Fires one more burst at the next step.
    public func fireBurst() { state.withLock { $0.pendingFires += 1 } }

    /// Turns the repeating bursts on or off.
    public func setArrivalsEnabled(_ enabled: Bool) {
        state.withLock { $0.arrivalsEnabled = enabled }
        sink.record(.settingChanged, "continuous arrivals \(enabled ? "on" : "off")")
    }

    /// Requests from now on fan out into tasks of `kind` (same cost).
    public func setWorkKind(_ kind: WorkKind) {
        let task = state.withLock { state in
            state.task = state.task.withKind(kind)
            return state.task
        }
        sink.record(.settingChanged, "work \(task)")
    }

    /// Ends the driver at its next step; requests not yet submitted are dropped.
    public func stop() { state.withLock { $0.stopping = true } }

    /// True once every scheduled burst has been submitted (never, for repeating bursts) or after `stop()`.
    public var isFinished: Bool { state.withLock { $0.finished } }

    /// Blocks until the driver is finished or `deadline` (on the monotonic clock) has passed,
    /// whichever comes first: a run waiting for its driver wakes the moment the last request is
    /// submitted, not at its next sample.
    /// - Returns: whether the driver is finished.
    @discardableResult
    public func waitUntilFinished(deadline: UInt64) -> Bool {
        while !isFinished {
            let now = Self.monotonicNow()
            guard deadline > now else { return false }
            finishedSignal.wait(timeoutNanos: deadline - now)
        }
        return true
    }

    /// The generator's state for the header.
    public var status: WorkloadStatus {
        let now = clock()
        return state.withLock { s in
            WorkloadStatus(task: s.task, fanout: scenario.fanout, burstSubmitted: s.burstSubmitted, burstSize: s.burstSize,
                           burstsFired: s.burstsFired, arrivalsEnabled: s.arrivalsEnabled,
                           nextBurstInNanos: s.arrivalsEnabled ? s.nextBurstAtNanos.map { $0 > now ? $0 - now : 0 } : nil,
                           poissonRate: { if case .poisson(let rate) = scenario.arrival { rate } else { nil } }(),
                           burstWindowNanos: { if case .burst(let window) = scenario.arrival { window } else { nil } }())
        }
    }

    // MARK: - Stepping

    /// Submits every request that has fallen due by now on the driver's clock: bursts fired since
    /// the last step, a scheduled burst whose time has come, and the arrivals of bursts under way.
    /// Call it from one thread at a time.
    /// - Returns: when the next request or scheduled burst is due, on the driver's clock; nil when
    ///   nothing is scheduled (the driver is finished, or waits for a command).
    @discardableResult
    public func step() -> UInt64? {
        let now = clock()
        let (fires, task, stop, scheduledDue) = state.withLock { s -> (Int, TaskSpec, Bool, Bool) in
            if !s.started {
                s.started = true
                s.nextBurstAtNanos = now
            }
            let fires = s.pendingFires
            s.pendingFires = 0
            var due = false
            if let at = s.nextBurstAtNanos, now >= at {
                if let bursts = scenario.bursts {
                    due = s.burstsFired < bursts
                } else {
                    due = s.arrivalsEnabled
                }
                s.nextBurstAtNanos = at + scenario.intervalNanos
                if let bursts = scenario.bursts, s.burstsFired + (due ? 1 : 0) >= bursts { s.nextBurstAtNanos = nil }
            }
            return (fires, s.task, s.stopping, due)
        }
        if stop { return finish() }
        return active.withLock { active -> UInt64? in
            var scheduledDue = scheduledDue
            if scheduledDue, case .poisson = scenario.arrival, active.contains(where: \.isScheduled) {
                // A Poisson stream is one stream: the next scheduled burst waits until this one's
                // requests have all arrived, instead of adding a second stream (and doubling λ)
                // every interval. It comes due again when this one's last request arrives.
                scheduledDue = false
                let end = active.filter(\.isScheduled).map(\.endNanos).max() ?? now
                state.withLock { $0.nextBurstAtNanos = max(now, end) }
            }
            for fire in 0..<(fires + (scheduledDue ? 1 : 0)) {
                let index = state.withLock { s -> Int in
                    s.burstsFired += 1
                    s.burstSubmitted = 0
                    s.burstSize = scenario.requests
                    return s.burstsFired - 1
                }
                active.append(ActiveBurst(index: index, requests: planner.requests(ofBurst: index, task: task), startNanos: now,
                                          isScheduled: fire == fires))
                sink.record(.burstFired, "burst \(index + 1): \(scenario.requests) requests × \(scenario.fanout) tasks")
            }
            for position in active.indices { submitDue(&active[position], task: task, now: clock()) }
            active.removeAll { $0.isDone }
            let (done, nextBurst) = state.withLock { s -> (Bool, UInt64?) in
                guard let bursts = scenario.bursts else { return (false, s.arrivalsEnabled ? s.nextBurstAtNanos : nil) }
                return (s.burstsFired >= bursts && active.isEmpty && s.pendingFires == 0, s.nextBurstAtNanos)
            }
            if done {
                markFinished()
                return nil
            }
            return (active.compactMap(\.nextArrivalNanos) + [nextBurst].compactMap { $0 }).min()
        }
    }

    /// Steps until the scenario is done or `stop()` is called, sleeping between steps until the
    /// next arrival, the next scheduled burst, or `commandLatencyNanos`, whichever comes first.
    /// - Parameter sleep: sleeps until a time on the driver's clock (by default, on the monotonic
    ///   clock, which is the sink's).
    public func run(sleep: (UInt64) -> Void = ScenarioDriver.monotonicSleep(until:)) {
        while !isFinished {
            let next = step()
            if isFinished { break }
            let now = clock()
            let deadline = min(next ?? .max, now + Self.commandLatencyNanos)
            if deadline > now { sleep(deadline) }
        }
    }

    /// Marks the driver finished after `stop()`.
    private func finish() -> UInt64? {
        markFinished()
        return nil
    }

    /// Marks the driver finished and wakes whoever waits for that (`waitUntilFinished`).
    private func markFinished() {
        state.withLock { $0.finished = true }
        finishedSignal.signal()
    }

    /// Submits every request of `burst` whose arrival time has come.
    private func submitDue(_ burst: inout ActiveBurst, task: TaskSpec, now: UInt64) {
        while let arrival = burst.nextArrivalNanos, arrival <= now {
            let request = burst.requests[burst.next]
            let index = burst.index
            let id = state.withLock { s -> Int in
                s.nextRequestID += 1
                // The status follows the newest burst: an older one still arriving (a loaded
                // machine stretched its window past the next burst's start) does not count in it.
                if index == s.burstsFired - 1 { s.burstSubmitted += 1 }
                return s.nextRequestID - 1
            }
            let arrived = sink.nowNanos
            let fanout = request.taskCosts.count
            sink.requestArrived(TaskTag(requestID: id, taskIndex: 0, fanout: fanout, requestArrivalNanos: arrived))
            for (index, cost) in request.taskCosts.enumerated() {
                _ = sink.submit(task, costNanos: cost, tag: TaskTag(requestID: id, taskIndex: index, fanout: fanout, requestArrivalNanos: arrived))
            }
            burst.next += 1
        }
    }

    /// Sleeps until `deadline` on CLOCK_MONOTONIC, through interruptions.
    public static func monotonicSleep(until deadline: UInt64) {
        let current = monotonicNow()
        guard deadline > current else { return }
        var request = timespec(tv_sec: Int((deadline - current) / 1_000_000_000), tv_nsec: Int((deadline - current) % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
    }

    /// Now on CLOCK_MONOTONIC, in nanoseconds.
    static func monotonicNow() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
