/// Why a frame could not be read, written or decoded.
public enum WireError: Error, Hashable, CustomStringConvertible {
    /// The frame's length field is below the minimum (1, the type byte) or above `WireCodec.maxFrameLength`.
    case badLength(UInt32)
    /// The type byte names no message.
    case unknownType(UInt8)
    /// The payload does not have the size its type requires.
    case badPayload(type: UInt8, length: Int, reason: String)
    /// The stream ended inside a frame, after `bufferedBytes` bytes of it.
    case truncated(bufferedBytes: Int)
    /// read(2) or write(2) failed with this errno (EPIPE: the reader is gone).
    case io(errno: Int32)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .badLength(let length): return "malformed frame: length \(length) out of range"
        case .unknownType(let type): return "malformed frame: unknown type \(type)"
        case .badPayload(let type, let length, let reason): return "malformed frame of type \(type), \(length) bytes: \(reason)"
        case .truncated(let count): return "stream ended inside a frame (\(count) bytes buffered)"
        case .io(let code): return "pipe I/O failed (errno \(code))"
        }
    }
}
