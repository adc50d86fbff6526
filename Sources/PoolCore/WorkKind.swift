/// What a task does with its time.
public enum WorkKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Burns CPU in a calibrated loop.
    case cpu
    /// Blocks its worker without using CPU, as a network or disk wait does.
    case io
    /// Part CPU, part blocking wait.
    case mixed
}
