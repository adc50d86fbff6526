/// What `pooltop bench` was asked to run, as the command line says it.
public struct BenchOptions: Sendable, Hashable {
    /// Rounds per workload (each round runs every implementation once).
    public var rounds: Int
    /// One short round with smaller workloads: a smoke test, not figures to compare.
    public var quick: Bool
    /// The workloads to run, as letters among A…F.
    public var workloads: String
    /// The Python interpreter that runs the peers; nil runs no peers.
    public var python: String?
    /// Path of the peers script (nil: bench/peers.py here or above the executable).
    public var peersScript: String?
    /// Whether to measure the cost of watching (sampler and dashboard frames).
    public var measuresWatching: Bool

    /// Options as the command line gives them.
    public init(rounds: Int = 5, quick: Bool = false, workloads: String = "ABCDEF", python: String? = "python3",
                peersScript: String? = nil, measuresWatching: Bool = true) {
        self.rounds = rounds
        self.quick = quick
        self.workloads = workloads
        self.python = python
        self.peersScript = peersScript
        self.measuresWatching = measuresWatching
    }

    /// The range `rounds` takes.
    public static let roundsRange = 1...100

    /// The workloads `workloads` names, in A…F order.
    /// - Throws: a message naming what `--workloads` takes, for letters it does not know.
    public func selectedWorkloads() throws(BenchFailure) -> [BenchWorkload] {
        let letters = Set(workloads.uppercased().filter { $0 != "," && $0 != " " }.map(String.init))
        let unknown = letters.subtracting(BenchWorkload.allCases.map(\.rawValue))
        guard unknown.isEmpty, !letters.isEmpty else {
            throw BenchFailure("--workloads takes letters among A, B, C, D, E, F (e.g. ABE), got \"\(workloads)\"")
        }
        return BenchWorkload.allCases.filter { letters.contains($0.rawValue) }
    }

    /// The suite these options describe; finding the peers may fail, and then the report says why.
    /// - Parameter progress: called with the fraction done and what runs now.
    public func suite(progress: @escaping (Double, String) -> Void) throws(BenchFailure) -> BenchSuite {
        var parameters = quick ? BenchParameters.quick : BenchParameters.full(rounds: rounds)
        parameters.workloads = try selectedWorkloads()
        let peers: Result<BenchPeerRunner, BenchFailure>
        if let python {
            do throws(BenchFailure) {
                peers = .success(try BenchPeerRunner(command: python, script: peersScript))
            } catch {
                peers = .failure(error)
            }
        } else {
            peers = .failure(BenchFailure("--no-peers"))
        }
        return BenchSuite(parameters: parameters, peers: peers, measuresWatching: measuresWatching, progress: progress)
    }
}
