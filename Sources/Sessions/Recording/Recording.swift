import Foundation
import PoolCore

/// A recording read back (schema `pooltop.recording/1`): its header, where each snapshot is, the
/// events, commands and task events. Opening it reads the file once and sorts its lines by their
/// prefix; a snapshot is decoded only when asked for, so opening and seeking stay fast however
/// long the run was.
///
/// A last line the writer never finished (it was killed) is skipped and counted; any other line
/// that is not a recording line is an error naming the file and the line.
public struct Recording: Sendable {
    /// Where one snapshot is in the file.
    public struct Sample: Sendable, Hashable {
        /// Pool time of the snapshot, in nanoseconds.
        public var nanos: UInt64
        /// The JSON of the snapshot.
        var value: Range<Int>
        /// Its 1-based line.
        var line: Int
        /// Event lines before it in the file.
        var eventsBefore: Int
    }

    /// The file's path as given.
    public let path: String
    public let header: RecordingHeader
    /// Every snapshot, in time order.
    public let samples: [Sample]
    /// Every event of the events list, in the order they happened.
    public let events: [PoolEvent]
    /// Every command applied, with its pool time.
    public let commands: [(nanos: UInt64, command: RecordedCommand)]
    /// Lines at the end the writer did not finish, skipped.
    public let incompleteLines: Int
    private let storage: RecordingStorage
    private let taskLines: [(value: Range<Int>, line: Int)]

    /// The file name, for the header.
    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Pool time of the first snapshot.
    public var startNanos: UInt64 { samples.first?.nanos ?? 0 }

    /// From the first snapshot to the last.
    public var durationNanos: UInt64 { (samples.last?.nanos ?? 0) &- startNanos }

    /// Reads the recording at `path` (plain or gzip).
    /// - Throws: a `RecordingError` naming the file, the line and what was wrong.
    public init(contentsOf path: String) throws(RecordingError) {
        try self.init(storage: try RecordingStorage(path: path), path: path)
    }

    private init(storage: RecordingStorage, path: String) throws(RecordingError) {
        self.path = path
        self.storage = storage
        let bytes = storage.bytes
        func fail(_ line: Int?, _ reason: String) -> RecordingError { RecordingError(file: path, line: line, reason: reason) }
        guard !bytes.isEmpty else { throw fail(nil, "the file is empty: not a pooltop recording") }
        var lines = Self.lineRanges(in: bytes)
        var incomplete = 0
        if bytes.last != 0x0A {
            lines.removeLast()
            incomplete = 1
        }
        guard let first = lines.first else {
            throw fail(1, "the header line is incomplete (the writer stopped before finishing it)")
        }
        let decoder = Self.decoder()
        do {
            header = try decoder.decode(Versioned<RecordingHeader>.self, from: Self.data(bytes, first)).value
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.first?.stringValue == "schema" {
            throw fail(1, "not a pooltop recording of this version: \(context.debugDescription)")
        } catch {
            throw fail(1, "not a pooltop recording header (\(Self.describe(error)))")
        }
        var samples: [Sample] = []
        var events: [PoolEvent] = []
        var commands: [(nanos: UInt64, command: RecordedCommand)] = []
        var taskLines: [(value: Range<Int>, line: Int)] = []
        for (offset, range) in lines.enumerated().dropFirst() {
            let number = offset + 1
            guard let (kind, nanos, value) = Self.prefix(of: range, in: bytes) else {
                throw fail(number, "not a recording line: \(Self.excerpt(bytes[range]))")
            }
            switch kind {
            case .snapshot:
                samples.append(Sample(nanos: nanos, value: value, line: number, eventsBefore: events.count))
            case .event:
                events.append(try Self.decode(PoolEvent.self, value, in: bytes, line: number, path: path, decoder: decoder))
            case .command:
                commands.append((nanos, try Self.decode(RecordedCommand.self, value, in: bytes, line: number, path: path, decoder: decoder)))
            case .tasks:
                taskLines.append((value, number))
            case .index:
                break  // a reader that scans the file does not need them
            }
        }
        guard !samples.isEmpty else { throw fail(nil, "the recording has no snapshot") }
        self.samples = samples
        self.events = events
        self.commands = commands
        self.taskLines = taskLines
        self.incompleteLines = incomplete
    }

    // MARK: - Reading

    /// The snapshot of sample `index`, as it was live (its events list included).
    public func snapshot(at index: Int) throws(RecordingError) -> PoolSnapshot {
        let sample = samples[index]
        let snapshot = try Self.decode(PoolSnapshot.self, sample.value, in: storage.bytes, line: sample.line, path: path, decoder: Self.decoder())
        return snapshot.withEvents(Array(events[max(0, sample.eventsBefore - 64)..<sample.eventsBefore]))
    }

    /// The last sample at or before `positionNanos` from the recording's start.
    public func sampleIndex(atPosition positionNanos: UInt64) -> Int {
        let target = startNanos &+ positionNanos
        var low = 0, high = samples.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if samples[middle].nanos <= target { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Every task event, in the order they were kept.
    public func taskEvents() throws(RecordingError) -> [TaskEvent] {
        let decoder = Self.decoder()
        var all: [TaskEvent] = []
        for (value, line) in taskLines {
            all += try Self.decode([TaskEvent].self, value, in: storage.bytes, line: line, path: path, decoder: decoder)
        }
        return all
    }

    /// A sentence for a replay's start: how long it is and what was skipped.
    public var summary: String {
        let length = DurationText.playhead(nanoseconds: durationNanos)
        guard incompleteLines > 0 else { return "replaying \(name): \(length), \(samples.count) snapshots" }
        return "replaying \(name) up to \(length); \(incompleteLines) incomplete line at the end skipped"
    }

    // MARK: - Lines

    /// A decoder that reads what the writer writes (non-finite numbers as strings).
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// The ranges of the lines of `bytes`, without their newlines (a last line without one too).
    static func lineRanges(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return ranges }
        var start = 0
        while start < bytes.count {
            let found = memchr(base + start, 0x0A, bytes.count - start)
            let end = found.map { UnsafeRawPointer($0) - base } ?? bytes.count
            ranges.append(start..<end)
            start = end + 1
        }
        return ranges
    }

    /// The bytes of `range`, without a copy.
    static func data(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Data {
        guard let base = bytes.baseAddress else { return Data() }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base + range.lowerBound), count: range.count, deallocator: .none)
    }

    /// Reads `{"k":"<kind>","t":<digits>,"v":` at the start of a line that ends in `}`, without
    /// decoding the rest. Returns the kind, the time and where the value is.
    static func prefix(of range: Range<Int>, in bytes: UnsafeRawBufferPointer) -> (RecordingLineKind, UInt64, Range<Int>)? {
        let head = Array("{\"k\":\"".utf8)
        guard range.count > head.count + 12, bytes[range.lowerBound..<range.lowerBound + head.count].elementsEqual(head),
              bytes[range.upperBound - 1] == 0x7D else { return nil }
        var position = range.lowerBound + head.count
        let kindStart = position
        while position < range.upperBound, bytes[position] != 0x22 { position += 1 }
        guard position < range.upperBound,
              let kind = RecordingLineKind(rawValue: String(decoding: bytes[kindStart..<position], as: UTF8.self)) else { return nil }
        let middle = Array("\",\"t\":".utf8)
        guard position + middle.count < range.upperBound, bytes[position..<position + middle.count].elementsEqual(middle) else { return nil }
        position += middle.count
        var nanos: UInt64 = 0
        let digitsStart = position
        while position < range.upperBound, (0x30...0x39).contains(bytes[position]) {
            let (times, overflow1) = nanos.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[position] - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            nanos = sum
            position += 1
        }
        let tail = Array(",\"v\":".utf8)
        guard position > digitsStart, position + tail.count < range.upperBound,
              bytes[position..<position + tail.count].elementsEqual(tail) else { return nil }
        position += tail.count
        return (kind, nanos, position..<(range.upperBound - 1))
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ range: Range<Int>, in bytes: UnsafeRawBufferPointer, line: Int, path: String,
                                                 decoder: JSONDecoder) throws(RecordingError) -> Value {
        do {
            return try decoder.decode(Value.self, from: data(bytes, range))
        } catch {
            throw RecordingError(file: path, line: line, reason: "a damaged line (\(describe(error)))")
        }
    }

    /// What a decoding error says, in a few words.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "no \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path.isEmpty ? "the value" : path): \(context.debugDescription)"
        default: return "\(error)"
        }
    }

    /// The start of a line as text, for an error message.
    private static func excerpt(_ line: Slice<UnsafeRawBufferPointer>) -> String {
        let text = String(decoding: line.prefix(40), as: UTF8.self)
        return "\"" + text + (line.count > 40 ? "…" : "") + "\""
    }
}
