/// Reads little-endian fields from one frame's payload, throwing instead of reading past its end.
struct WireCursor {
    private let bytes: UnsafeRawBufferPointer
    private let type: UInt8
    private var offset = 0

    /// A cursor at the start of `payload`, which belongs to a frame of `type` (for error messages).
    init(_ payload: UnsafeRawBufferPointer, type: UInt8) {
        bytes = payload
        self.type = type
    }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    /// An error naming this frame and `reason`.
    func malformed(_ reason: String) -> WireError {
        .badPayload(type: type, length: bytes.count, reason: reason)
    }

    /// Throws unless exactly `count` bytes remain.
    func expectRemaining(_ count: Int) throws(WireError) {
        guard remaining == count else { throw malformed("expected \(count) bytes of payload") }
    }

    /// Reads a u16 entry count and checks that exactly that many entries of `entrySize` bytes follow
    /// and that there are between 1 and `limit` of them.
    mutating func count(of entrySize: Int, limit: Int) throws(WireError) -> Int {
        let count = Int(try read(UInt16.self))
        guard count >= 1, count <= limit else { throw malformed("\(count) entries, expected 1...\(limit)") }
        guard remaining == count * entrySize else { throw malformed("\(count) entries need \(count * entrySize) bytes") }
        return count
    }

    /// Reads a u16 count and exactly that many entries of `entrySize` bytes, each with `entry`.
    mutating func entries<Entry>(of entrySize: Int, limit: Int,
                                 _ entry: (inout WireCursor) throws(WireError) -> Entry) throws(WireError) -> [Entry] {
        let count = try count(of: entrySize, limit: limit)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count { entries.append(try entry(&self)) }
        return entries
    }

    /// Reads an integer stored least significant byte first.
    @inline(__always)
    mutating func read<T: FixedWidthInteger>(_: T.Type) throws(WireError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw malformed("ends inside a field") }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: value)
    }

    /// Reads a boolean byte, which must be 0 or 1.
    mutating func readBool() throws(WireError) -> Bool {
        let byte = try read(UInt8.self)
        guard byte <= 1 else { throw malformed("flag byte \(byte) is not 0 or 1") }
        return byte == 1
    }
}
