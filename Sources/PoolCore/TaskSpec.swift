/// What one task does: its kind, its mean cost, and for mixed work the share spent on CPU.
///
/// Written on the command line as `io:10ms`, `cpu:1ms` or `mixed:10ms:30%`.
public struct TaskSpec: Sendable, Hashable, Codable {
    public var kind: WorkKind
    /// The mean cost in nanoseconds, before any time scale.
    public var costNanos: UInt64
    /// For `.mixed`, the fraction of the cost spent on CPU (0...1); 1 for `.cpu`, 0 for `.io`.
    public var cpuFraction: Double

    /// Creates a spec; `cpuFraction` is only read for `.mixed`.
    public init(kind: WorkKind, costNanos: UInt64, cpuFraction: Double = 0.3) {
        self.kind = kind
        self.costNanos = costNanos
        switch kind {
        case .cpu: self.cpuFraction = 1
        case .io: self.cpuFraction = 0
        case .mixed: self.cpuFraction = min(1, max(0, cpuFraction))
        }
    }

    /// The nanoseconds of CPU and of blocking wait in a task of `cost` nanoseconds.
    public func split(cost: UInt64) -> (cpu: UInt64, io: UInt64) {
        let cpu = UInt64((Double(cost) * cpuFraction).rounded())
        return (cpu, cost - min(cost, cpu))
    }

    /// The same spec with another kind, keeping the cost (`w` cycles work kinds live).
    public func withKind(_ newKind: WorkKind) -> TaskSpec {
        TaskSpec(kind: newKind, costNanos: costNanos, cpuFraction: kind == .mixed ? cpuFraction : 0.3)
    }
}
