import PoolCore
import Synchronization
import Testing
import Workload
import Foundation

/// A sink that records what it is given and runs nothing.
final class RecordingSink: TaskSink {
    private let log = LockedValue<(tags: [TaskTag], arrived: [Int], events: [String])>(([], [], []))
    func submit(_ spec: TaskSpec, costNanos: UInt64, tag: TaskTag) -> SubmitResult {
        log.withLock { $0.tags.append(tag) }
        return .accepted
    }
    func requestArrived(_ tag: TaskTag) { log.withLock { $0.arrived.append(tag.requestID) } }
    func record(_ kind: PoolEvent.Kind, _ message: String) { log.withLock { $0.events.append(message) } }
    var nowNanos: UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
    var tags: [TaskTag] { log.withLock { $0.tags } }
    var arrived: [Int] { log.withLock { $0.arrived } }
    var events: [String] { log.withLock { $0.events } }
}

@Suite("The scenario driver")
struct ScenarioDriverTests {
    @Test("scheduled bursts submit every request's tasks with their tags, then finish")
    func scheduledBursts() {
        let sink = RecordingSink()
        let scenario = Scenario(requests: 20, fanout: 3, arrival: .burst(windowNanos: 5_000_000), bursts: 2, intervalNanos: 10_000_000)
        let driver = ScenarioDriver(scenario: scenario, sink: sink)
        driver.run()
        #expect(driver.isFinished)
        #expect(sink.tags.count == 120)
        #expect(sink.arrived == Array(1...40))
        for request in 1...40 {
            #expect(sink.tags.filter { $0.requestID == request }.map(\.taskIndex) == [0, 1, 2])
        }
        #expect(sink.events.filter { $0.hasPrefix("burst") }.count == 2)
        #expect(driver.status.burstsFired == 2 && driver.status.burstProgress == 1)
    }

    @Test("fired bursts, work kind and arrivals change live; stop ends the loop")
    func liveCommands() throws {
        let sink = RecordingSink()
        let clock = LockedValue<UInt64>(1_000)
        let driver = ScenarioDriver(scenario: Scenario(requests: 5, fanout: 2, arrival: .burst(windowNanos: 0), bursts: nil,
                                                       intervalNanos: 3_600_000_000_000), sink: sink, arrivalsEnabled: false,
                                    clock: { clock.withLock { $0 } })
        driver.setWorkKind(.cpu)
        driver.fireBurst()
        driver.fireBurst()
        // Arrivals are off and nothing else is scheduled: one step submits both bursts at once.
        #expect(driver.step() == nil)
        #expect(sink.tags.count == 20)
        #expect(!driver.isFinished)
        driver.stop()
        clock.withLock { $0 += 1_000_000 }
        #expect(driver.step() == nil)
        #expect(sink.tags.count == 20)
        #expect(driver.isFinished)
        #expect(driver.status.task.kind == .cpu)
        #expect(sink.events.contains("work cpu:50ms"))
    }

    @Test("stepped on an injected clock, a burst's requests arrive at their planned instants")
    func steppedClock() {
        let sink = RecordingSink()
        let clock = LockedValue<UInt64>(0)
        let scenario = Scenario(requests: 10, fanout: 1, arrival: .burst(windowNanos: 1_000_000_000), bursts: 1, intervalNanos: 5_000_000_000)
        let driver = ScenarioDriver(scenario: scenario, sink: sink, clock: { clock.withLock { $0 } })
        var steps = 0
        while !driver.isFinished, steps < 100 {
            let next = driver.step()
            if let next { clock.withLock { $0 = max($0, next) } }
            steps += 1
        }
        #expect(driver.isFinished)
        #expect(sink.tags.count == 10)
        #expect(clock.withLock { $0 } <= 1_000_000_000)
        #expect(steps <= 12)
    }
}

@Suite("Scenarios are written down with their schema")
struct ScenarioCodableTests {
    @Test("a scenario round-trips through JSON")
    func roundTrip() throws {
        for scenario in [Scenario.classic,
                         Scenario(requests: 7, fanout: 3, task: TaskSpec(kind: .cpu, costNanos: 2_000_000), costDistribution: .exp,
                                  arrival: .poisson(ratePerSecond: 200), bursts: 4, intervalNanos: 3, seed: 99)] {
            let data = try JSONEncoder().encode(Versioned(scenario))
            #expect(String(decoding: data, as: UTF8.self).contains(#""schema":"pooltop.scenario\/1""#))
            #expect(try JSONDecoder().decode(Versioned<Scenario>.self, from: data).value == scenario)
        }
    }
}
