import Foundation
import PoolCore
import PoolEngine

/// Where the scenario's requests go in Celery mode: each task becomes a `send` command to the
/// bridge, which hands it to Celery (`send_task`) with an id pooltop can read back
/// (`<run>-<request>.<task>`). The lock switch, the critical section and the time scale ride
/// along with every task.
final class ClusterSink: TaskSink {
    /// What every task sent now carries.
    struct Settings: Sendable {
        var lockEnabled: Bool
        var criticalSectionNanos: UInt64
        var timeScale: Double
    }

    let model: LockedValue<ClusterModel>
    let settings: LockedValue<Settings>
    /// The bridge's connection, once it has said hello.
    let connection = LockedValue<Int?>(nil)
    private let listener: EventListener
    /// Tells this run's tasks from those of other runs in the same broker.
    let runID: String

    init(model: LockedValue<ClusterModel>, listener: EventListener, settings: Settings) {
        self.model = model
        self.listener = listener
        self.settings = LockedValue(settings)
        self.runID = "pooltop\(getpid())x\(MonotonicClock.now() % 1_000_000_000)"
    }

    /// Sends one command line to the bridge; false when it is not connected.
    @discardableResult
    func send(_ line: String) -> Bool {
        guard let connection = connection.withLock({ $0 }) else { return false }
        return listener.send(line, to: connection)
    }

    // MARK: - TaskSink

    func submit(_ spec: TaskSpec, costNanos: UInt64, tag: TaskTag) -> SubmitResult {
        let settings = settings.withLock { $0 }
        let id = "\(runID)-\(tag.requestID).\(tag.taskIndex)"
        let cost = Double(costNanos) * settings.timeScale / 1e6
        let cpu = cost * spec.cpuFraction
        let line = "{\"c\":\"send\",\"tasks\":[{\"task\":\"\(id)\",\"kind\":\"\(spec.kind.rawValue)\",\"cost_ms\":\(Self.number(cost)),"
            + "\"cpu_ms\":\(Self.number(cpu)),\"io_ms\":\(Self.number(cost - cpu)),\"lock\":\(settings.lockEnabled),"
            + "\"cs_ms\":\(Self.number(Double(settings.criticalSectionNanos) * settings.timeScale / 1e6))}]}"
        let now = MonotonicClock.now()
        model.withLock { $0.sent(id, request: tag.requestID, index: tag.taskIndex, at: now) }
        guard send(line) else {
            model.withLock { model in
                model.notSent(id, at: now)
                model.log(now, .workerCrashed, "task \(id) not sent: the bridge to Celery is not connected")
            }
            return .rejected(reason: "the bridge to Celery is not connected")
        }
        return .accepted
    }

    func requestArrived(_ tag: TaskTag) {
        let now = MonotonicClock.now()
        model.withLock { $0.requestArrived(tag.requestID, tasks: tag.fanout, at: now) }
    }

    func record(_ kind: PoolEvent.Kind, _ message: String) {
        let now = MonotonicClock.now()
        model.withLock { $0.log(now, kind, message) }
    }

    var nowNanos: UInt64 { MonotonicClock.now() }

    /// `12.5`, `0.25`: milliseconds as JSON, to the microsecond.
    private static func number(_ value: Double) -> String {
        String(format: "%.3f", max(0, value))
    }
}
