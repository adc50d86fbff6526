import PoolCore

/// One line of the events panel: an engine event, or something the dashboard itself noted
/// (pause, theme change, a key that cannot act now).
public struct DashboardEvent: Sendable, Hashable {
    /// How much attention a line deserves; the events panel colors it accordingly.
    public enum Severity: Sendable, Hashable {
        /// A change the user made or expected.
        case info
        /// Something that limits the pool or refuses a request (ceiling hit, rejections, a key
        /// that needs another mode).
        case warning
        /// A fault: a worker crashed.
        case error
    }

    /// When it happened, in nanoseconds since the pool started.
    public var elapsedNanos: UInt64
    /// The line shown, e.g. "cap 50 → 60".
    public var message: String
    /// How the line is colored.
    public var severity: Severity

    /// Creates an event line.
    public init(elapsedNanos: UInt64, message: String, severity: Severity = .info) {
        self.elapsedNanos = elapsedNanos
        self.message = message
        self.severity = severity
    }

    /// The line for an engine event, with a severity chosen by its kind.
    public init(_ event: PoolEvent) {
        let severity: Severity
        switch event.kind {
        case .workerCrashed: severity = .error
        case .ceilingHit, .rejected: severity = .warning
        case .resized, .modeSwitched, .settingChanged, .burstFired, .workerReplaced, .statisticsReset: severity = .info
        }
        self.init(elapsedNanos: event.elapsedNanos, message: event.message, severity: severity)
    }
}
