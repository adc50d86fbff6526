import Foundation
import PoolCore
@testable import Sessions
import Testing

@Suite("A Celery cluster, from the bridge's event lines")
struct ClusterModelTests {
    /// Feeds protocol lines (as the bridge writes them) into `model`.
    private func feed(_ model: inout ClusterModel, _ lines: [String]) throws {
        for line in lines { model.receive(try JSONDecoder().decode(ProbeEvent.self, from: Data(line.utf8))) }
    }

    private let cluster = [
        #"{"e":"hello","t":1000,"pid":9,"role":"celery","celery":"5.7.0"}"#,
        #"{"e":"node","t":1100,"pid":9,"node":"a@h1","host":"h1","state":"online","concurrency":2,"impl":"prefork","autoscale":false}"#,
        #"{"e":"wstart","t":1200,"pid":9,"pool":"celery","w":"h1/a #1","name":"h1/a #1","wpid":501,"node":"a@h1"}"#,
        #"{"e":"wstart","t":1200,"pid":9,"pool":"celery","w":"h1/a #2","name":"h1/a #2","wpid":502,"node":"a@h1"}"#,
        #"{"e":"pool","t":1300,"pid":9,"pool":"celery","kind":"celery","workers":2}"#,
    ]

    @Test("a request's tasks from sending to end: queue wait, service, the request's latency, busy slots")
    func requestThroughTheCluster() throws {
        var model = ClusterModel(origin: 1_000)
        try feed(&model, cluster)
        #expect(model.bridgeReady && model.capacity == 2 && model.workers.map(\.pid) == [501, 502])
        model.requestArrived(1, tasks: 2, at: 2_000)
        model.sent("run-1.0", request: 1, index: 0, at: 2_000)
        model.sent("run-1.1", request: 1, index: 1, at: 2_000)
        try feed(&model, [
            #"{"e":"submit","t":2001,"pid":9,"pool":"celery","task":"run-1.0","fn":"pooltop.io","n":1}"#,
            #"{"e":"start","t":3000,"pid":9,"pool":"celery","task":"run-1.0","w":"h1/a #1"}"#,
            #"{"e":"start","t":3500,"pid":9,"pool":"celery","task":"run-1.1","w":"h1/a #2"}"#,
        ])
        #expect(model.busy == 2 && model.peakBusy == 2 && model.sent == 2, "the bridge's own submit is not a second task")
        try feed(&model, [
            #"{"e":"finish","t":5000,"pid":9,"pool":"celery","task":"run-1.0","w":"h1/a #1","outcome":"ok","wait":100,"hold":2000000}"#,
            #"{"e":"finish","t":6000,"pid":9,"pool":"celery","task":"run-1.1","w":"h1/a #2","outcome":"ok","wait":2000000,"hold":1000}"#,
        ])
        #expect(model.completed == 2 && model.requestsCompleted == 1 && model.tasks.isEmpty && model.requests.isEmpty)
        #expect(model.queueWaits == [1_000, 1_500] && model.serviceTimes == [2_000, 2_500] && model.requestTimes == [4_000])
        #expect(model.lock.acquisitions == 2 && model.lock.contended == 1)
    }

    @Test("a pool process killed under its task: lost, delivered again, then done once; nothing counted twice")
    func redelivery() throws {
        var model = ClusterModel(origin: 1_000)
        try feed(&model, cluster)
        model.requestArrived(1, tasks: 1, at: 2_000)
        model.sent("run-1.0", request: 1, index: 0, at: 2_000)
        try feed(&model, [
            #"{"e":"start","t":3000,"pid":9,"pool":"celery","task":"run-1.0","w":"h1/a #1"}"#,
            #"{"e":"fail","t":4000,"pid":9,"pool":"celery","task":"run-1.0","outcome":"lost","w":"h1/a #1"}"#,
        ])
        #expect(model.lost == 1 && model.workers[0].lost && model.workers[0].task == nil && model.failed == 0)
        #expect(model.tasks["run-1.0"]?.startedAt == nil, "back in the queue")
        try feed(&model, [
            #"{"e":"redelivered","t":4500,"pid":9,"pool":"celery","task":"run-1.0"}"#,
            #"{"e":"start","t":5000,"pid":9,"pool":"celery","task":"run-1.0","w":"h1/a #2"}"#,
            #"{"e":"finish","t":6000,"pid":9,"pool":"celery","task":"run-1.0","w":"h1/a #2","outcome":"ok"}"#,
        ])
        #expect(model.redelivered == 1 && model.completed == 1 && model.failed == 0 && model.requestsCompleted == 1)
        #expect(model.events.contains { $0.message.contains("delivered again") })
    }

    @Test("the counter is judged against the tasks done when it was read, from the last reset on")
    func counterReadings() throws {
        var model = ClusterModel(origin: 1_000)
        model.awaitingReset = true
        try feed(&model, [#"{"e":"counter","t":1000,"pid":9,"key":"k","actual":0,"done":40}"#])
        #expect(model.counterAtReading == CounterStats(expected: 0, actual: 0))
        // Tasks that added one and have not reported yet make the counter run ahead, never behind.
        try feed(&model, [#"{"e":"counter","t":2000,"pid":9,"key":"k","actual":57,"done":95}"#])
        #expect(model.counterAtReading == CounterStats(expected: 55, actual: 57) && model.counterAtReading.lostUpdates == 0)
        try feed(&model, [#"{"e":"counter","t":3000,"pid":9,"key":"k","actual":80,"done":140}"#])
        #expect(model.counterAtReading.lostUpdates == 20)
    }

    @Test("a worker going offline: its processes leave, its running task shows lost, the broker's state is said")
    func nodeOffline() throws {
        var model = ClusterModel(origin: 1_000)
        try feed(&model, cluster)
        model.sent("run-1.0", request: 1, index: 0, at: 2_000)
        try feed(&model, [
            #"{"e":"start","t":3000,"pid":9,"pool":"celery","task":"run-1.0","w":"h1/a #1"}"#,
            #"{"e":"node","t":4000,"pid":9,"node":"a@h1","host":"h1","state":"offline"}"#,
            #"{"e":"fail","t":4001,"pid":9,"pool":"celery","task":"run-1.0","outcome":"lost","w":"h1/a #1"}"#,
            #"{"e":"broker","t":5000,"pid":9,"state":"lost","reason":"Connection refused"}"#,
        ])
        #expect(model.workers.allSatisfy(\.gone) && model.workers[0].lost && !model.workers[1].lost)
        #expect(model.hosts.isEmpty)
        #expect(model.brokerLost == "Connection refused")
        try feed(&model, [#"{"e":"broker","t":6000,"pid":9,"state":"back"}"#])
        #expect(model.brokerLost == nil)
        #expect(model.events.map(\.message).contains("worker a@h1 went offline"))
    }

    @Test("a task that could not be sent is rejected and fails its request, so a run still settles")
    func notSent() {
        var model = ClusterModel(origin: 1_000)
        model.requestArrived(3, tasks: 2, at: 2_000)
        model.sent("run-3.0", request: 3, index: 0, at: 2_000)
        model.sent("run-3.1", request: 3, index: 1, at: 2_000)
        model.notSent("run-3.1", at: 2_100)
        #expect(model.sent == 1 && model.rejected == 1 && model.tasks.count == 1 && model.requests[3]?.failed == true)
    }

    @Test("the broker's password never reaches the screen")
    func maskedBroker() {
        #expect(CelerySession.masked("redis://:secret@10.0.0.5:6379/0") == "redis://:***@10.0.0.5:6379/0")
        #expect(CelerySession.masked("redis://user:secret@host/1") == "redis://user:***@host/1")
        #expect(CelerySession.masked("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0")
    }
}
