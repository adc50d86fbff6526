import Testing

/// Every test that spawns processes, run one at a time: they count this process's descriptors and
/// children, and share two cores.
@Suite("Worker processes", .serialized, .timeLimit(.minutes(2)))
struct ProcessSuites {}
