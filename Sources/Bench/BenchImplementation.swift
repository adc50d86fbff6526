import PoolCore

/// An implementation that runs the workloads: pooltop's engine in one of its modes, one of the
/// Python pools from `bench/peers.py`, or the machine's floor (the same tasks with no pool).
enum BenchImplementation: String, Sendable, CaseIterable, Codable {
    case pooltopThreads = "pooltop-threads"
    case pooltopProcesses = "pooltop-processes"
    case threadPoolExecutor = "tpe"
    case processPoolExecutor = "ppe"
    case multiprocessingPoolChunksizeOne = "mp1"
    case multiprocessingPoolDefaultChunks = "mpdefault"
    case multiprocessingDummyPool = "dummy"
    case floorThreads = "floor-threads"
    case floorProcesses = "floor-processes"

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
        case .floorThreads: return "floor: threads, no pool"
        case .floorProcesses: return "floor: processes, no pool"
        }
    }

    /// For the machine's floor (`BenchFloorRunner`): whether its workers are worker processes; nil
    /// for the pools.
    var floorUsesProcesses: Bool? {
        switch self {
        case .floorThreads: return false
        case .floorProcesses: return true
        default: return nil
        }
    }

    /// Whether it runs `workload`: the floor has a figure for the batches that have an ideal (B, C);
    /// F compares pooltop's queue with ThreadPoolExecutor's pending futures.
    func runs(_ workload: BenchWorkload) -> Bool {
        if workload == .queueMemory { return poolMode != nil || self == .threadPoolExecutor }
        return floorUsesProcesses == nil || workload == .blocking || workload == .cpu
    }

    /// The pool mode, for pooltop's own implementations; nil for the Python peers and the floor.
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
    static let peers: [BenchImplementation] = allCases.filter { $0.poolMode == nil && $0.floorUsesProcesses == nil }
}
