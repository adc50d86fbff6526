/// Why the shared region could not be created or mapped.
public enum SharedRegionError: Error, Equatable, CustomStringConvertible {
    /// A system call failed.
    case system(call: String, errno: Int32)
    /// The memory file a worker was given has the wrong size (not pooltop's region).
    case wrongSize(Int, expected: Int)
    /// The memory file does not carry the region's magic word (not initialised by a parent).
    case notInitialised
    /// `pthread_mutex_t` does not fit in the room the layout reserves for it.
    case layout

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .system(let call, let code): return "\(call) failed (errno \(code))"
        case .wrongSize(let size, let expected): return "shared region is \(size) bytes, expected \(expected)"
        case .notInitialised: return "shared region is not initialised"
        case .layout: return "pthread_mutex_t does not fit the shared region's layout"
        }
    }
}
