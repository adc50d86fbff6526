import Foundation
import PoolCore
import Testing

@Suite("Snapshots, commands and events round-trip through JSON with their schema")
struct CodableTests {
    private func roundTrip<Value: SchemaVersioned & Equatable>(_ value: Value) throws -> Value {
        let data = try JSONEncoder().encode(Versioned(value))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["schema"] as? String == Value.schema)
        return try JSONDecoder().decode(Versioned<Value>.self, from: data).value
    }

    @Test("a snapshot with every part filled in comes back equal")
    func snapshot() throws {
        let snapshot = PoolSnapshot(
            elapsedNanos: 12_300_000_000, configuration: PoolConfiguration(mode: .processes, cap: 7, queueBound: 100, rejectPolicy: .discardOldest,
                                                                     lockEnabled: false, interpreterLockEnabled: true, timeScale: 0.5),
            cores: 2, slots: [SlotState(phase: .busy, requestID: 3, taskIndex: 1, phaseSinceNanos: 5), .empty,
                              SlotState(phase: .crashed, isRetiring: true)],
            liveWorkers: 3, peakBusy: 2, peakThreads: 4,
            totals: TaskTotals(accepted: 10, completed: 5, failed: 1, cancelled: 1, running: 1, queued: 2, rejected: 3, ranByCaller: 1, retried: 1),
            peakQueueDepth: 9, queueHead: [QueuedTask(tag: TaskTag(requestID: 4, taskIndex: 2, fanout: 5, requestArrivalNanos: 77), waitedNanos: 12)],
            tasksPerSecond: 123.5, requestsPerSecond: 24.7, lock: LockStats(acquisitions: 9, contended: 3, waitNanosTotal: 100, waitNanosMax: 60, holdNanosTotal: 40, waiters: 1),
            interpreterLock: LockStats(acquisitions: 2), counter: CounterStats(expected: 9, actual: 8),
            queueWait: LatencySummary(count: 3, p50: 1, p90: 2, p99: 3, max: 4, mean: 2.5), service: .empty,
            requests: RequestStats(arrived: 4, completed: 2, failed: 1, latency: LatencySummary(count: 1, p50: 9)),
            meanComputeNanos: 1.5, meanBlockedNanos: 2.5,
            process: ProcessStats(cpuPercent: 150, residentBytes: 1 << 20, threads: 12, voluntaryContextSwitches: 5, involuntaryContextSwitches: 6, childProcesses: 3),
            ceilingHit: true, workers: WorkerProcessStats(spawned: 4, crashed: 1, replaced: 1, spawnFailures: 0, recoveredLocks: 1, lastStartupNanos: 3, maxStartupNanos: 4),
            events: [PoolEvent(elapsedNanos: 1, kind: .workerCrashed, message: "slot 2: worker pid 7 died")],
            workload: WorkloadStatus(task: TaskSpec(kind: .mixed, costNanos: 20_000_000, cpuFraction: 0.25), fanout: 5, burstSubmitted: 3,
                                     burstSize: 10, burstsFired: 2, arrivalsEnabled: true, nextBurstInNanos: 4_000))
        #expect(try roundTrip(snapshot) == snapshot)
    }

    @Test("every command comes back as itself")
    func commands() throws {
        let commands: [PoolCommand] = [.resize(to: 12), .switchMode(to: .unbounded), .setWorkKind(.mixed), .setLockEnabled(false),
                                       .setInterpreterLockEnabled(true), .killWorker, .setTimeScale(0.25), .fireBurst,
                                       .setArrivalsEnabled(true), .resetStatistics, .setCriticalSection(nanos: 2_000_000), .setRejectPolicy(.discardOldest),
                                       .setLimiter(LimitSettings(algorithm: .vegas, minimum: 4, maximum: 80))]
        #expect(Set(commands.map(\.kind)) == Set(PoolCommand.Kind.allCases))
        for command in commands { #expect(try roundTrip(command) == command) }
    }

    @Test("an event comes back equal")
    func event() throws {
        let event = PoolEvent(elapsedNanos: 42, kind: .burstFired, message: "burst 1: 500 requests × 5 tasks")
        #expect(try roundTrip(event) == event)
    }

    @Test("another schema is refused, naming both")
    func wrongSchema() throws {
        let data = Data(#"{"schema": "pooltop.snapshot/2", "elapsedNanos": 0}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Versioned<PoolSnapshot>.self, from: data)
            Issue.record("a snapshot of schema /2 was read as /1")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == "expected schema pooltop.snapshot/1, found pooltop.snapshot/2")
        }
    }
}
