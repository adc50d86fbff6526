import Glibc
import PoolCore
import Synchronization

/// Fires the scenario's bursts into a task sink at the right instants, and takes live commands
/// (fire a burst now, arrivals on/off, another kind of work).
///
/// `run()` is a blocking loop; the caller gives it a thread of its own. It never blocks the pool:
/// it only submits.
public final class ScenarioDriver: Sendable {
    private struct ActiveBurst {
        var index: Int
        var requests: [PlannedRequest]
        var startNanos: UInt64
        var next = 0
    }

    private struct State {
        var task: TaskSpec
        var arrivalsEnabled: Bool
        var pendingFires = 0
        var stopping = false
        var finished = false
        var burstsFired = 0
        var burstSubmitted = 0
        var burstSize = 0
        var nextBurstAtNanos: UInt64?
        var nextRequestID = 1
    }

    public let scenario: Scenario
    private let planner: BurstPlanner
    private let sink: any TaskSink
    private let state: LockedValue<State>

    /// A driver for `scenario` into `sink`. With `scenario.bursts == nil` bursts repeat every interval
    /// while arrivals are enabled (`arrivalsEnabled`), and `fireBurst()` adds one at any time.
    public init(scenario: Scenario, sink: any TaskSink, arrivalsEnabled: Bool = true) {
        self.scenario = scenario
        self.planner = BurstPlanner(scenario: scenario)
        self.sink = sink
        self.state = LockedValue(State(task: scenario.task, arrivalsEnabled: arrivalsEnabled))
    }

    // MARK: - Commands

    /// Fires one more burst now.
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

    /// Carries out a dashboard command that concerns arrivals or work; false for the others.
    @discardableResult
    public func apply(_ command: PoolCommand) -> Bool {
        switch command {
        case .fireBurst: fireBurst()
        case .setArrivalsEnabled(let on): setArrivalsEnabled(on)
        case .setWorkKind(let kind): setWorkKind(kind)
        default: return false
        }
        return true
    }

    /// Ends `run()` at its next step; requests not yet submitted are dropped.
    public func stop() { state.withLock { $0.stopping = true } }

    /// True once every scheduled burst has been submitted (never, for repeating bursts) or after `stop()`.
    public var isFinished: Bool { state.withLock { $0.finished } }

    /// The generator's state for the header.
    public var status: WorkloadStatus {
        let now = sink.nowNanos
        return state.withLock { s in
            WorkloadStatus(task: s.task, fanout: scenario.fanout, burstSubmitted: s.burstSubmitted, burstSize: s.burstSize,
                           burstsFired: s.burstsFired, arrivalsEnabled: s.arrivalsEnabled,
                           nextBurstInNanos: s.arrivalsEnabled ? s.nextBurstAtNanos.map { $0 > now ? $0 - now : 0 } : nil)
        }
    }

    // MARK: - The loop

    /// Submits requests as they fall due until the scenario is done or `stop()` is called.
    public func run() {
        var active: [ActiveBurst] = []
        let start = sink.nowNanos
        state.withLock { $0.nextBurstAtNanos = start }
        while true {
            let now = sink.nowNanos
            let (fires, task, stop, scheduledDue) = state.withLock { s -> (Int, TaskSpec, Bool, Bool) in
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
            if stop { break }
            for _ in 0..<(fires + (scheduledDue ? 1 : 0)) {
                let index = state.withLock { s -> Int in
                    s.burstsFired += 1
                    s.burstSubmitted = 0
                    s.burstSize = scenario.requests
                    return s.burstsFired - 1
                }
                active.append(ActiveBurst(index: index, requests: planner.requests(ofBurst: index, task: task), startNanos: now))
                sink.record(.burstFired, "burst \(index + 1): \(scenario.requests) requests × \(scenario.fanout) tasks")
            }
            for position in active.indices { submitDue(&active[position], task: task, now: sink.nowNanos) }
            active.removeAll { $0.next >= $0.requests.count }
            let done = state.withLock { s -> Bool in
                guard let bursts = scenario.bursts else { return false }
                return s.burstsFired >= bursts && active.isEmpty && s.pendingFires == 0
            }
            if done { break }
            sleepUntilNextStep(active: active, now: sink.nowNanos)
        }
        state.withLock { $0.finished = true }
    }

    /// Submits every request of `burst` whose arrival time has come.
    private func submitDue(_ burst: inout ActiveBurst, task: TaskSpec, now: UInt64) {
        while burst.next < burst.requests.count, burst.startNanos + burst.requests[burst.next].offsetNanos <= now {
            let request = burst.requests[burst.next]
            let id = state.withLock { s -> Int in
                s.nextRequestID += 1
                s.burstSubmitted += 1
                return s.nextRequestID - 1
            }
            let arrival = sink.nowNanos
            let fanout = request.taskCosts.count
            sink.requestArrived(TaskTag(requestID: id, taskIndex: 0, fanout: fanout, requestArrivalNanos: arrival))
            for (index, cost) in request.taskCosts.enumerated() {
                _ = sink.submit(task, costNanos: cost, tag: TaskTag(requestID: id, taskIndex: index, fanout: fanout, requestArrivalNanos: arrival))
            }
            burst.next += 1
        }
    }

    /// Sleeps until the next arrival, the next scheduled burst, or 10 ms (to take commands), whichever is first.
    private func sleepUntilNextStep(active: [ActiveBurst], now: UInt64) {
        var deadline = now + 10_000_000
        for burst in active where burst.next < burst.requests.count {
            deadline = min(deadline, burst.startNanos + burst.requests[burst.next].offsetNanos)
        }
        if let at = state.withLock({ $0.nextBurstAtNanos }) { deadline = min(deadline, at) }
        guard deadline > now else { return }
        var request = timespec(tv_sec: Int((deadline - now) / 1_000_000_000), tv_nsec: Int((deadline - now) % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
    }
}
