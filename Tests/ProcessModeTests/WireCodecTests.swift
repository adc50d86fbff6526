import CPoolSupport
import Glibc
import Testing
@testable import PoolEngine

@Suite("The wire protocol between pooltop and its worker processes")
struct WireCodecTests {
    static let order = TaskOrder(id: 0x0102_0304_0506_0708, slot: 4095, requestID: 123_456_789, taskIndex: 7,
                                 cpuNanos: 1_000_000, ioNanos: 2_000_000, criticalSectionNanos: 20_000, lockEnabled: false, seed: 42)
    static let report = TaskReport(taskID: 9, status: .failed, recoveredLock: true, computeNanos: 11, blockedNanos: 12,
                                   startedAt: 13, endedAt: 14)
    static let messages: [WireMessage] = [
        .task(order),
        .batch([order, TaskOrder(id: 2, slot: 0), TaskOrder(id: 3, slot: 1, lockEnabled: true)]),
        .ignoreTermination,
        .ready(pid: 31337, startupNanos: 4_500_000),
        .result(report),
        .results([report, TaskReport(taskID: 10)]),
    ]

    private func decodeAll(_ bytes: [UInt8], chunk: Int) throws -> [WireMessage] {
        var decoder = WireDecoder()
        var decoded: [WireMessage] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            decoder.append(contentsOf: bytes[offset..<end])
            offset = end
            while let message = try decoder.next() { decoded.append(message) }
        }
        #expect(decoder.bufferedBytes == 0)
        return decoded
    }

    @Test("every message survives encoding and decoding, whole and in any chunking", arguments: [1, 2, 3, 7, 64, 100_000])
    func roundTrip(chunk: Int) throws {
        var stream: [UInt8] = []
        for message in Self.messages { WireCodec.append(message, to: &stream) }
        #expect(try decodeAll(stream, chunk: chunk) == Self.messages)
    }

    @Test("a frame is [u32 length][u8 type][payload], little-endian")
    func layout() {
        let bytes = WireCodec.encode(.ready(pid: 0x0102_0304, startupNanos: 0x1122_3344_5566_7788))
        #expect(bytes == [13, 0, 0, 0, 0x81, 4, 3, 2, 1, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11])
        #expect(WireCodec.encode(.task(Self.order)).count == 4 + 1 + TaskOrder.encodedSize)
        #expect(WireCodec.encode(.ignoreTermination) == [1, 0, 0, 0, 3])
    }

    @Test("a partial frame decodes to nothing until its last byte arrives")
    func partialFrame() throws {
        let bytes = WireCodec.encode(.task(Self.order))
        var decoder = WireDecoder()
        for byte in bytes.dropLast() {
            decoder.append(contentsOf: [byte])
            #expect(try decoder.next() == nil)
        }
        decoder.append(contentsOf: [bytes.last!])
        #expect(try decoder.next() == .task(Self.order))
        #expect(try decoder.next() == nil)
    }

    /// The error decoding `bytes` throws, if any.
    private func failure(_ bytes: [UInt8]) -> WireError? {
        var decoder = WireDecoder()
        decoder.append(contentsOf: bytes)
        do {
            _ = try decoder.next()
            return nil
        } catch {
            return error
        }
    }

    /// `bytes` as a frame with a correct length field.
    private func frame(_ body: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(UInt32(body.count))
        return bytes + body
    }

    @Test("malformed frames are rejected with the reason")
    func garbage() {
        #expect(failure([0, 0, 0, 0]) == .badLength(0))
        #expect(failure([0xFF, 0xFF, 0xFF, 0x7F, 1]) == .badLength(0x7FFF_FFFF))
        #expect(failure(Array("hello, world\n".utf8)) == .badLength(0x6c6c_6568))
        #expect(failure(frame([0x42])) == .unknownType(0x42))
        #expect(failure(frame([1, 0, 0])) == .badPayload(type: 1, length: 2, reason: "expected 55 bytes of payload"))
        #expect(failure(frame([3, 0])) == .badPayload(type: 3, length: 1, reason: "expected 0 bytes of payload"))
        var task = WireCodec.encode(.task(Self.order))
        task[4 + 1 + 46] = 2  // the lock flag
        #expect(failure(task) == .badPayload(type: 1, length: 55, reason: "flag byte 2 is not 0 or 1"))
        var result = WireCodec.encode(.result(Self.report))
        result[4 + 1 + 8] = 9  // the status
        #expect(failure(result) == .badPayload(type: 0x82, length: 42, reason: "status 9 is not a task status"))
        var batch = WireCodec.encode(.batch([Self.order, Self.order]))
        batch[5] = 3  // claims three tasks, carries two
        #expect(failure(batch) == .badPayload(type: 2, length: 112, reason: "3 entries need 165 bytes"))
        #expect(failure(frame([2, 0, 0])) == .badPayload(type: 2, length: 2, reason: "0 entries, expected 1...4096"))
    }

    @Test("a reader on a pipe returns every frame, then nil at end of stream")
    func readerOnPipe() throws {
        var fds: [Int32] = [-1, -1]
        #expect(pooltop_pipe_cloexec(&fds) == 0)
        defer { close(fds[0]) }
        var writer = FrameWriter(fileDescriptor: fds[1])
        for message in Self.messages { try writer.send(message) }
        close(fds[1])
        let reader = FrameReader(fileDescriptor: fds[0], chunkSize: 5)
        var received: [WireMessage] = []
        while let message = try reader.next() { received.append(message) }
        #expect(received == Self.messages)
    }

    @Test("a stream that ends inside a frame is reported as truncated")
    func truncatedStream() throws {
        var fds: [Int32] = [-1, -1]
        #expect(pooltop_pipe_cloexec(&fds) == 0)
        defer { close(fds[0]) }
        let bytes = WireCodec.encode(.result(Self.report))
        try FrameWriter.writeAll(Array(bytes.dropLast(3)), to: fds[1])
        close(fds[1])
        let reader = FrameReader(fileDescriptor: fds[0])
        #expect(throws: WireError.truncated(bufferedBytes: bytes.count - 3)) { try reader.next() }
    }

    @Test("worker arguments survive formatting and parsing; bad ones are refused")
    func workerArguments() {
        let arguments = WorkerArguments(iterationsPerNanosecond: 0.123456789012345, clockReadNanos: 412, parentPID: 77, spawnedAt: 1 << 60)
        #expect(WorkerArguments(parsing: arguments.arguments) == arguments)
        #expect(WorkerArguments(parsing: ["--rate", "x", "--clock-read", "400", "--parent", "1", "--spawned-at", "2"]) == nil)
        #expect(WorkerArguments(parsing: ["--rate", "1", "--clock-read", "400", "--parent", "1"]) == nil)
        #expect(WorkerArguments(parsing: ["--rate", "1", "--parent", "1", "--spawned-at", "2"]) == nil)
        #expect(WorkerArguments(parsing: ["--rate", "1", "--clock-read", "-4", "--parent", "1", "--spawned-at", "2"]) == nil)
        #expect(WorkerArguments(parsing: ["--rate", "1", "--clock-read", "400", "--parent", "1", "--spawned-at", "2", "--bogus", "3"]) == nil)
    }
}
