import Glibc

/// Reads `WireMessage`s from a pipe: buffered reads of whatever arrived, cut into frames by a
/// `WireDecoder`, so a frame split over several reads (or several frames in one) is fine.
///
/// It does not own the descriptor. Use it from one thread at a time.
public final class FrameReader {
    /// The descriptor read from.
    public let fileDescriptor: Int32
    private var decoder = WireDecoder()
    private let chunk: UnsafeMutableRawBufferPointer

    /// A reader of `fileDescriptor`, reading up to `chunkSize` bytes per read(2).
    public init(fileDescriptor: Int32, chunkSize: Int = 64 * 1024) {
        self.fileDescriptor = fileDescriptor
        chunk = .allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit { chunk.deallocate() }

    /// The next message, blocking until one has arrived; nil at end of stream between frames.
    /// - Throws: `WireError.truncated` if the stream ends inside a frame, `.io` if read(2) fails,
    ///   or the decoder's error for a malformed frame.
    public func next() throws(WireError) -> WireMessage? {
        while true {
            if let message = try decoder.next() { return message }
            let count = read(fileDescriptor, chunk.baseAddress, chunk.count)
            if count > 0 {
                decoder.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            } else if count == 0 {
                guard decoder.bufferedBytes == 0 else { throw .truncated(bufferedBytes: decoder.bufferedBytes) }
                return nil
            } else if errno != EINTR {
                throw .io(errno: errno)
            }
        }
    }

    /// Bytes read and not yet returned as messages.
    public var bufferedBytes: Int { decoder.bufferedBytes }

    /// The next message among the bytes already read, without reading: nil when they end before
    /// one is complete.
    /// - Throws: the decoder's error for a malformed frame.
    public func nextBuffered() throws(WireError) -> WireMessage? {
        try decoder.next()
    }

    /// Reads once, whatever has arrived (blocking only if nothing has: call it when the descriptor
    /// is known to be readable). Returns the bytes read, 0 at end of stream, -1 when read(2) failed.
    public func readAvailable() -> Int {
        let count = read(fileDescriptor, chunk.baseAddress, chunk.count)
        if count > 0 { decoder.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count])) }
        return count
    }
}

// Confined to one thread at a time (its owner); the chunk and decoder are never shared.
extension FrameReader: @unchecked Sendable {}
