import Foundation

/// A request to `bench/peers.py`: one JSON object on its stdin, keys in snake case
/// (`ioNs` is sent as `io_ns`). See the script's docstring for each operation.
struct BenchPeerRequest: Encodable {
    /// `info`, `calibrate` or `run`.
    var op: String
    /// run: the implementation (`BenchImplementation.rawValue`).
    var impl: String?
    /// run: the workload letter.
    var workload: String?
    /// run: tasks in the batch (A, B, C).
    var tasks: Int?
    /// run: the pool's workers.
    var workers: Int?
    /// run: how long a B task blocks, in nanoseconds.
    var ioNs: UInt64?
    /// run: loop iterations of a C task (from `calibrate`).
    var burnIterations: Int?
    /// run: round trips for E.
    var trips: Int?
    /// calibrate: the CPU time one task should cost, in nanoseconds.
    var targetNs: UInt64?

    /// The request as the script reads it: one JSON object, keys in snake case.
    func encoded() throws(BenchFailure) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        do { return Array(try encoder.encode(self)) } catch { throw BenchFailure("could not encode a request: \(error)") }
    }
}

/// What `bench/peers.py` answers: one JSON object on its stdout; which fields are set depends
/// on the request, and `error` is set when it failed.
struct BenchPeerAnswer: Decodable {
    /// Why the request failed, if it did.
    var error: String?
    /// info: the interpreter's version, its real path, its multiprocessing start method, its cores.
    var python: String?
    var executable: String?
    var startMethod: String?
    var cores: Int?
    /// calibrate: the loop's rate, the iterations for the target, and what they really cost (ns).
    var iterationsPerNs: Double?
    var iterations: Int?
    var measuredCpuNs: [Double]?
    /// run: the timed part's wall time, and E's round trips in nanoseconds.
    var seconds: Double?
    var tripsNs: [Double]?
    /// run C: the CPU time the tasks burned in all, each measured with the thread's CPU clock.
    var cpuNs: Double?
}

extension BenchPeerAnswer {
    /// Reads the script's answer.
    /// - Throws: the script's own `error` when it sent one, or a failure saying the answer is not
    ///   its JSON.
    init(decoding bytes: [UInt8]) throws(BenchFailure) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { self = try decoder.decode(BenchPeerAnswer.self, from: Data(bytes)) } catch {
            throw BenchFailure("peers.py answered something that is not its JSON")
        }
        if let error { throw BenchFailure(error) }
    }
}
