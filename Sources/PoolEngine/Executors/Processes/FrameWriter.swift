import Glibc

/// Writes `WireMessage`s to a pipe with write(2), whole frames at a time, without stdio
/// buffering (a buffered pipe would hold answers back and deadlock both ends).
///
/// It does not own the descriptor. SIGPIPE must be ignored in the writing process
/// (`ChildWorker.prepareParent()`), or a write to a dead reader kills it instead of failing.
public struct FrameWriter {
    /// The descriptor written to.
    public let fileDescriptor: Int32
    private var scratch: [UInt8] = []

    /// A writer to `fileDescriptor`.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        scratch.reserveCapacity(256)
    }

    /// Encodes `message` and writes all of its frame.
    /// - Throws: `WireError.io(errno:)`: EPIPE when the reading end is closed (the peer died).
    public mutating func send(_ message: WireMessage) throws(WireError) {
        scratch.removeAll(keepingCapacity: true)
        WireCodec.append(message, to: &scratch)
        try Self.writeAll(scratch, to: fileDescriptor)
    }

    /// Writes every byte of `bytes`, retrying short writes and EINTR.
    public static func writeAll(_ bytes: [UInt8], to fileDescriptor: Int32) throws(WireError) {
        let failure: Int32 = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return written < 0 ? errno : EIO
                }
            }
            return 0
        }
        if failure != 0 { throw .io(errno: failure) }
    }
}
