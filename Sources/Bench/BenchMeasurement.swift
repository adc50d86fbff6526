/// One run of a workload: its figure in seconds and, on the CPU workload, the CPU time its tasks
/// really burned, measured inside each task with the thread's CPU clock and summed.
struct BenchMeasurement: Sendable {
    /// The run's figure in seconds (the timed part's wall time; E: the median round trip).
    var seconds: Double
    /// Nanoseconds of CPU the tasks burned in all, where measured (C).
    var cpuNanos: Double?
}
