/// A three-stop color gradient a theme defines, set by the keys `<prefix>_start`, `_mid` and `_end`.
///
/// btop's gradients come first and keep btop's meaning; pooltop's own graphs fall back to a related
/// btop gradient, then to a flat `main_fg`, when a file does not set them.
public enum ThemeGradient: Int, Sendable, Hashable, CaseIterable {
    /// btop's temperature graph (`temp_*`).
    case temperature
    /// btop's CPU graph (`cpu_*`).
    case cpu
    /// btop's free-memory meter (`free_*`).
    case free
    /// btop's cached-memory meter (`cached_*`).
    case cached
    /// btop's available-memory meter (`available_*`).
    case available
    /// btop's used-memory meter (`used_*`).
    case used
    /// btop's download graph (`download_*`).
    case download
    /// btop's upload graph (`upload_*`).
    case upload
    /// btop's process usage gradient (`process_*`).
    case process
    /// Queue depth (`queue_*`; falls back to `cpu_*`).
    case queue
    /// Lock contention (`lock_*`; falls back to `temp_*`).
    case lock
    /// Throughput (`throughput_*`; falls back to `download_*`).
    case throughput
    /// Latency (`latency_*`; falls back to `process_*`).
    case latency

    /// The key prefix, such as `cpu` for `cpu_start`.
    public var prefix: String { ThemeGradient.prefixes[rawValue] }

    /// The gradient used when a file sets none of this one's keys, if any.
    public var related: ThemeGradient? {
        switch self {
        case .queue: return .cpu
        case .lock: return .temperature
        case .throughput: return .download
        case .latency: return .process
        default: return nil
        }
    }

    /// The single-color key that gives a flat gradient when neither this nor the related gradient
    /// is set.
    var flatKey: String? { rawValue >= ThemeGradient.queue.rawValue ? "main_fg" : nil }

    /// The gradient whose keys start with `prefix`, if any.
    public init?(prefix: String) {
        guard let index = ThemeGradient.prefixes.firstIndex(of: prefix) else { return nil }
        self.init(rawValue: index)
    }

    private static let prefixes: [String] = [
        "temp", "cpu", "free", "cached", "available", "used", "download", "upload", "process",
        "queue", "lock", "throughput", "latency",
    ]
}
