import PoolCore

/// An implementation that runs the workloads: pooltop's engine in one of its modes, or one of
/// the Python pools from `bench/peers.py`.
enum BenchImplementation: String, Sendable, CaseIterable, Codable {
    case pooltopThreads = "pooltop-threads"
    case pooltopProcesses = "pooltop-processes"
    case threadPoolExecutor = "tpe"
    case processPoolExecutor = "ppe"
    case multiprocessingPoolChunksizeOne = "mp1"
    case multiprocessingPoolDefaultChunks = "mpdefault"
    case multiprocessingDummyPool = "dummy"

    /// The name the table shows.
    var label: String {
        switch self {
        case .pooltopThreads: return "pooltop threads"
        case .pooltopProcesses: return "pooltop processes"
        case .threadPoolExecutor: return "ThreadPoolExecutor"
        case .processPoolExecutor: return "ProcessPoolExecutor"
        case .multiprocessingPoolChunksizeOne: return "mp.Pool chunksize=1"
        case .multiprocessingPoolDefaultChunks: return "mp.Pool default chunks"
        case .multiprocessingDummyPool: return "mp.dummy.Pool"
        }
    }

    /// The pool mode, for pooltop's own implementations; nil for the Python peers.
    var poolMode: PoolMode? {
        switch self {
        case .pooltopThreads: return .threads
        case .pooltopProcesses: return .processes
        default: return nil
        }
    }

    /// pooltop's own implementations, which the ratio columns compare everything against.
    static let pooltop: [BenchImplementation] = [.pooltopThreads, .pooltopProcesses]
    /// The Python peers.
    static let peers: [BenchImplementation] = allCases.filter { $0.poolMode == nil }
}
