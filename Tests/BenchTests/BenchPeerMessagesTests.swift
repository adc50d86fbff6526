@testable import Bench
import Testing

@Suite("The peers script's messages")
struct BenchPeerMessagesTests {
    @Test("a run request goes out as one JSON object with snake-case keys, empty fields left out")
    func requestEncoding() throws {
        let request = BenchPeerRequest(op: "run", impl: "tpe", workload: "B", tasks: 2_500, workers: 50, ioNs: 10_000_000,
                                       burnIterations: 1_234, trips: 200)
        let text = String(decoding: try request.encoded(), as: UTF8.self)
        #expect(text == #"{"burn_iterations":1234,"impl":"tpe","io_ns":10000000,"op":"run","tasks":2500,"trips":200,"workers":50,"workload":"B"}"#)
        #expect(String(decoding: try BenchPeerRequest(op: "info").encoded(), as: UTF8.self) == #"{"op":"info"}"#)
    }

    @Test("an info, a calibration and a run answer are read field by field")
    func answers() throws {
        let info = try BenchPeerAnswer(decoding: Array(#"{"python": "3.11.7", "executable": "/usr/bin/python3", "start_method": "fork", "cores": 2}"#.utf8))
        #expect(info.python == "3.11.7" && info.executable == "/usr/bin/python3" && info.startMethod == "fork" && info.cores == 2)
        let calibration = try BenchPeerAnswer(decoding: Array(#"{"iterations_per_ns": 0.05, "iterations": 50000, "measured_cpu_ns": [1000000.5, 990000]}"#.utf8))
        #expect(calibration.iterationsPerNs == 0.05 && calibration.iterations == 50_000 && calibration.measuredCpuNs == [1_000_000.5, 990_000])
        let run = try BenchPeerAnswer(decoding: Array(#"{"seconds": 0.52, "trips_ns": [80000, 90000]}"#.utf8))
        #expect(run.seconds == 0.52 && run.tripsNs == [80_000, 90_000])
    }

    @Test("the script's own error, and an answer that is not JSON, become failures that say so")
    func failures() {
        #expect(throws: BenchFailure("no such implementation: xyz")) {
            try BenchPeerAnswer(decoding: Array(#"{"error": "no such implementation: xyz"}"#.utf8))
        }
        #expect(throws: BenchFailure("peers.py answered something that is not its JSON")) {
            try BenchPeerAnswer(decoding: Array("Traceback (most recent call last):".utf8))
        }
    }
}

@Suite("pooltop bench's options")
struct BenchOptionsTests {
    @Test("workload letters in any case and order, with commas or spaces, come back in A…F order")
    func letters() throws {
        #expect(try BenchOptions(workloads: "eb, a").selectedWorkloads() == [.noOp, .blocking, .roundTrip])
        #expect(try BenchOptions().selectedWorkloads() == BenchWorkload.allCases)
    }

    @Test("unknown letters and an empty list are refused, naming what --workloads takes")
    func badLetters() {
        for text in ["ABX", "", ", "] {
            #expect(throws: BenchFailure("--workloads takes letters among A, B, C, D, E, F (e.g. ABE), got \"\(text)\"")) {
                try BenchOptions(workloads: text).selectedWorkloads()
            }
        }
    }
}
