/// What the operating system says about the pooltop process.
public struct ProcessStats: Sendable, Hashable, Codable {
    /// CPU use since the previous sample, in percent of one core (200 = two cores busy).
    public var cpuPercent: Double
    public var residentBytes: UInt64
    public var threads: Int
    public var voluntaryContextSwitches: UInt64
    public var involuntaryContextSwitches: UInt64
    /// Child processes of the pool (process mode).
    public var childProcesses: Int

    public init(cpuPercent: Double = 0, residentBytes: UInt64 = 0, threads: Int = 0, voluntaryContextSwitches: UInt64 = 0,
                involuntaryContextSwitches: UInt64 = 0, childProcesses: Int = 0) {
        self.cpuPercent = cpuPercent
        self.residentBytes = residentBytes
        self.threads = threads
        self.voluntaryContextSwitches = voluntaryContextSwitches
        self.involuntaryContextSwitches = involuntaryContextSwitches
        self.childProcesses = childProcesses
    }
}
