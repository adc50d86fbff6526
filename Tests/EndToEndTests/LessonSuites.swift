import Testing

/// The lessons' suites, one test at a time: a lesson measures throughput on two shared cores, so
/// two lessons at once would halve each other's figures.
@Suite("Lessons", .serialized)
struct LessonSuites {}
