import Foundation
import PoolCore
@testable import Sessions
import Testing

@Suite("A watched program's pools, from the probe's event lines")
struct WatchModelTests {
    /// Feeds protocol lines (as the probe writes them) into a model that started at t = 1,000.
    private func model(_ lines: [String]) throws -> WatchModel {
        var model = WatchModel(origin: 1_000)
        for line in lines { model.receive(try JSONDecoder().decode(ProbeEvent.self, from: Data(line.utf8)), from: 1) }
        return model
    }

    @Test("a thread pool: workers, tasks from submission to end, queue wait and run time")
    func threadPool() throws {
        let model = try model([
            #"{"e":"hello","t":1000,"pid":42,"schema":"pooltop.events/1","py":"3.11.7","role":"main"}"#,
            #"{"e":"pool","t":2000,"pid":42,"pool":"42:1","kind":"ThreadPoolExecutor","workers":2,"site":"/home/me/script.py:14"}"#,
            #"{"e":"submit","t":3000,"pid":42,"pool":"42:1","task":"42:1/1","fn":"fetch","n":1,"q":1}"#,
            #"{"e":"submit","t":3100,"pid":42,"pool":"42:1","task":"42:1/2","fn":"fetch","n":1,"q":2}"#,
            #"{"e":"wstart","t":3200,"pid":42,"pool":"42:1","w":"77","name":"ThreadPoolExecutor-0_0"}"#,
            #"{"e":"start","t":4000,"pid":42,"pool":"42:1","task":"42:1/1","w":"77"}"#,
            #"{"e":"finish","t":9000,"pid":42,"pool":"42:1","task":"42:1/1","w":"77","outcome":"ok"}"#,
            #"{"e":"start","t":9500,"pid":42,"pool":"42:1","task":"42:1/2","w":"77"}"#,
        ])
        #expect(model.mainConnection == 1 && model.python == "3.11.7")
        let pool = try #require(model.pools.first)
        #expect(pool.title == "ThreadPoolExecutor-42:1, 2 workers, created at script.py:14")
        #expect(pool.submitted == 2 && pool.completed == 1 && pool.running == 1 && pool.queued == 0)
        #expect(pool.queueWaits == [1_000, 6_400])
        #expect(pool.serviceTimes == [5_000])
        #expect(pool.peakBusy == 1)
        #expect(model.events.map(\.message) == ["pool ThreadPoolExecutor-42:1, 2 workers, created at script.py:14"])
    }

    @Test("a worker process killed mid-task: the task fails, the worker shows crashed, the reason is an event")
    func deadWorker() throws {
        let model = try model([
            #"{"e":"pool","t":2000,"pid":42,"pool":"42:1","kind":"ProcessPoolExecutor","workers":2,"method":"fork"}"#,
            #"{"e":"submit","t":3000,"pid":42,"pool":"42:1","task":"42:1/1","n":1}"#,
            #"{"e":"wstart","t":3100,"pid":50,"pool":"42:1","w":"50"}"#,
            #"{"e":"start","t":4000,"pid":50,"pool":"42:1","task":"42:1/1","w":"50"}"#,
            #"{"e":"wexit","t":5000,"pid":42,"pool":"42:1","w":"50","status":-9}"#,
            #"{"e":"fail","t":5001,"pid":42,"pool":"42:1","task":"42:1/1","outcome":"died","w":"50","status":-9,"reason":"worker 50 exited with status -9 while running it; the pool is broken"}"#,
        ])
        let pool = try #require(model.pools.first)
        #expect(pool.usesProcesses)
        #expect(pool.failed == 1 && pool.running == 0)
        #expect(pool.workers.first?.crashed == true)
        #expect(model.events.map(\.message).last == "worker 50 killed by SIGKILL running task 1: BrokenProcessPool")
        #expect(model.events.filter { $0.kind == .workerCrashed }.count == 1, "one line for the death and the fate")
        #expect(pool.fateWarning == "pool broken: 1 task failed with BrokenProcessPool")
        #expect(model.processIDs == [42, 50])
    }

    @Test("a multiprocessing.Pool worker killed mid-task: its task is lost and the screen says the Pool waits forever")
    func lostTask() throws {
        let model = try model([
            #"{"e":"pool","t":2000,"pid":42,"pool":"42:1","kind":"multiprocessing.Pool","workers":2,"method":"fork"}"#,
            #"{"e":"submit","t":3000,"pid":42,"pool":"42:1","task":"42:1/0.1","n":1}"#,
            #"{"e":"start","t":4000,"pid":50,"pool":"42:1","task":"42:1/0.1","w":"50"}"#,
            #"{"e":"wexit","t":5000,"pid":42,"pool":"42:1","w":"50","status":-9}"#,
            #"{"e":"fail","t":5001,"pid":42,"pool":"42:1","task":"42:1/0.1","outcome":"lost","w":"50","status":-9}"#,
            #"{"e":"wexit","t":6000,"pid":42,"pool":"42:1","w":"51","status":-15}"#,
        ])
        let pool = try #require(model.pools.first)
        #expect(pool.lost == 1 && pool.failed == 1)
        #expect(pool.fateWarning == "1 task lost with a dead worker: multiprocessing.Pool waits for it forever")
        #expect(model.events.map(\.message).contains("worker 50 killed by SIGKILL running task 0.1: lost, the Pool waits forever"))
        #expect(model.events.map(\.message).last == "worker 51 killed by SIGTERM", "an idle worker's death has a line of its own")
    }

    @Test("each chunk of a map is a call of its own, with its own color (ids are job.chunk)")
    func chunks() throws {
        let model = try model([
            #"{"e":"pool","t":2000,"pid":42,"pool":"42:1","kind":"multiprocessing.Pool","workers":2}"#,
            #"{"e":"submit","t":3000,"pid":42,"pool":"42:1","task":"42:1/1.0","n":4}"#,
            #"{"e":"submit","t":3000,"pid":42,"pool":"42:1","task":"42:1/1.1","n":4}"#,
            #"{"e":"submit","t":3000,"pid":42,"pool":"42:1","task":"42:1/2.0","n":4}"#,
        ])
        let pool = try #require(model.pools.first)
        #expect(pool.tasks["42:1/1.0"]?.call != pool.tasks["42:1/1.1"]?.call)
        #expect(pool.tasks["42:1/1.0"]?.call != pool.tasks["42:1/2.0"]?.call)
        #expect(Set(pool.tasks.values.map(\.call)).count == 3)
    }
}
