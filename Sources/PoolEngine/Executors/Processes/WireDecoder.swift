/// Cuts a byte stream into `WireMessage`s, whatever the boundaries of the chunks it is fed.
///
/// Feed it bytes as they arrive (`append`), then take messages (`next`) until it returns nil.
/// After it throws, the stream is out of step and must be abandoned.
public struct WireDecoder {
    private var buffer: [UInt8] = []
    private var start = 0

    /// An empty decoder.
    public init() {}

    /// Bytes received but not yet returned as messages (a partial frame, or frames not taken yet).
    public var bufferedBytes: Int { buffer.count - start }

    /// Adds bytes that arrived.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds bytes that arrived.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message, or nil when the bytes so far end before one is complete.
    /// - Throws: `WireError` for a frame whose length, type or payload is malformed.
    public mutating func next() throws(WireError) -> WireMessage? {
        guard bufferedBytes >= WireCodec.headerSize else { return nil }
        let length = buffer.withUnsafeBytes { raw in
            UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt32.self))
        }
        guard length >= 1, length <= WireCodec.maxFrameLength else { throw .badLength(length) }
        let frameSize = WireCodec.headerSize + Int(length)
        guard bufferedBytes >= frameSize else { return nil }
        let bodyStart = start + WireCodec.headerSize
        let decoded = buffer.withUnsafeBytes { raw in
            Result { () throws(WireError) in
                try WireCodec.decode(body: UnsafeRawBufferPointer(rebasing: raw[bodyStart..<(bodyStart + Int(length))]))
            }
        }
        let message = try decoded.get()
        start += frameSize
        return message
    }

    /// Drops bytes already returned, cheaply: all at once when everything was taken, otherwise
    /// only once they are the larger part of the buffer.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 4096, start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
