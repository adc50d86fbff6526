/// Encodes and decodes `WireMessage` frames: `[u32 length][u8 type][payload]`, little-endian.
///
/// Decoding is strict: every type has an exact payload size (batches: a u16 count and exactly
/// that many entries), booleans are 0 or 1, and anything else is a `WireError`, never a guess.
public enum WireCodec {
    /// The largest `length` field accepted (type byte plus payload).
    public static let maxFrameLength: UInt32 = 1 << 20
    /// The most tasks in one batch (and reports in one reply); keeps a frame under the limit.
    public static let maxBatchCount = 4096
    /// Bytes of the length field.
    static let headerSize = 4

    /// Appends the frame of `message` to `bytes`.
    public static func append(_ message: WireMessage, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.appendLittleEndian(UInt32(0))
        bytes.append(message.kind.rawValue)
        switch message {
        case .task(let order):
            append(order, to: &bytes)
        case .batch(let orders):
            append(orders, to: &bytes, each: append)
        case .ignoreTermination:
            break
        case .ready(let pid, let startupNanos):
            bytes.appendLittleEndian(UInt32(bitPattern: pid))
            bytes.appendLittleEndian(startupNanos)
        case .result(let report):
            append(report, to: &bytes)
        case .results(let reports):
            append(reports, to: &bytes, each: append)
        }
        let length = UInt32(bytes.count - start - headerSize).littleEndian
        withUnsafeBytes(of: length) { raw in
            for offset in 0..<headerSize { bytes[start + offset] = raw[offset] }
        }
    }

    /// The frame of `message` on its own.
    public static func encode(_ message: WireMessage) -> [UInt8] {
        var bytes: [UInt8] = []
        append(message, to: &bytes)
        return bytes
    }

    /// Appends a u16 count and the entries of a batch or a reply (at most `maxBatchCount`).
    private static func append<Entry>(_ entries: [Entry], to bytes: inout [UInt8], each: (Entry, inout [UInt8]) -> Void) {
        precondition(entries.count <= maxBatchCount, "a frame holds at most \(maxBatchCount) tasks or reports")
        bytes.appendLittleEndian(UInt16(entries.count))
        for entry in entries { each(entry, &bytes) }
    }

    private static func append(_ order: TaskOrder, to bytes: inout [UInt8]) {
        bytes.appendLittleEndian(order.id)
        bytes.appendLittleEndian(order.slot)
        bytes.appendLittleEndian(order.requestID)
        bytes.appendLittleEndian(order.taskIndex)
        bytes.appendLittleEndian(order.cpuNanos)
        bytes.appendLittleEndian(order.ioNanos)
        bytes.appendLittleEndian(order.criticalSectionNanos)
        bytes.append(order.lockEnabled ? 1 : 0)
        bytes.appendLittleEndian(order.seed)
    }

    private static func append(_ report: TaskReport, to bytes: inout [UInt8]) {
        bytes.appendLittleEndian(report.taskID)
        bytes.append(report.status.rawValue)
        bytes.append(report.recoveredLock ? 1 : 0)
        bytes.appendLittleEndian(report.computeNanos)
        bytes.appendLittleEndian(report.blockedNanos)
        bytes.appendLittleEndian(report.startedAt)
        bytes.appendLittleEndian(report.endedAt)
    }

    // MARK: - Decoding

    /// Decodes one frame's body: its type byte and payload (`body` excludes the length field).
    public static func decode(body: UnsafeRawBufferPointer) throws(WireError) -> WireMessage {
        guard let typeByte = body.first else { throw .badLength(0) }
        guard let kind = WireMessage.Kind(rawValue: typeByte) else { throw .unknownType(typeByte) }
        var cursor = WireCursor(UnsafeRawBufferPointer(rebasing: body[1...]), type: typeByte)
        let message: WireMessage
        switch kind {
        case .task:
            try cursor.expectRemaining(TaskOrder.encodedSize)
            message = .task(try order(&cursor))
        case .batch:
            message = .batch(try cursor.entries(of: TaskOrder.encodedSize, limit: maxBatchCount, order))
        case .ignoreTermination:
            try cursor.expectRemaining(0)
            message = .ignoreTermination
        case .ready:
            try cursor.expectRemaining(12)
            message = .ready(pid: Int32(bitPattern: try cursor.read(UInt32.self)), startupNanos: try cursor.read(UInt64.self))
        case .result:
            try cursor.expectRemaining(TaskReport.encodedSize)
            message = .result(try report(&cursor))
        case .results:
            message = .results(try cursor.entries(of: TaskReport.encodedSize, limit: maxBatchCount, report))
        }
        return message
    }

    private static func order(_ cursor: inout WireCursor) throws(WireError) -> TaskOrder {
        TaskOrder(id: try cursor.read(UInt64.self), slot: try cursor.read(UInt16.self),
                  requestID: try cursor.read(UInt64.self), taskIndex: try cursor.read(UInt32.self),
                  cpuNanos: try cursor.read(UInt64.self), ioNanos: try cursor.read(UInt64.self),
                  criticalSectionNanos: try cursor.read(UInt64.self), lockEnabled: try cursor.readBool(),
                  seed: try cursor.read(UInt64.self))
    }

    private static func report(_ cursor: inout WireCursor) throws(WireError) -> TaskReport {
        let taskID = try cursor.read(UInt64.self)
        let statusByte = try cursor.read(UInt8.self)
        guard let status = TaskReport.Status(rawValue: statusByte) else {
            throw cursor.malformed("status \(statusByte) is not a task status")
        }
        return TaskReport(taskID: taskID, status: status, recoveredLock: try cursor.readBool(),
                          computeNanos: try cursor.read(UInt64.self), blockedNanos: try cursor.read(UInt64.self),
                          startedAt: try cursor.read(UInt64.self), endedAt: try cursor.read(UInt64.self))
    }
}

extension [UInt8] {
    /// Appends `value`'s bytes, least significant first.
    @inline(__always)
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
