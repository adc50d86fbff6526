import Foundation
import PoolCore

/// Writes a recording line by line (schema `pooltop.recording/1`, see the README): the header, then
/// for each sample its new events, its task events and the snapshot, commands as they come, and an
/// index line every `indexIntervalNanos` of recorded time.
///
/// One thread at a time: the `Recorder`'s writer thread.
public final class RecordingWriter {
    private let file: GzipWriter
    private let encoder: JSONEncoder
    private let indexIntervalNanos: UInt64
    /// Bytes written so far, uncompressed: where the next line starts.
    private(set) var offset: UInt64 = 0
    /// The events list of the last sample, to write only what is new.
    private var lastEvents: [PoolEvent] = []
    /// The snapshots written since the last index line: their times and offsets.
    private var pendingIndex: [[UInt64]] = []
    private var nextIndexAt: UInt64?
    /// The time of the newest snapshot written, if any.
    private(set) var lastSampleNanos: UInt64?
    private(set) var firstSampleNanos: UInt64?

    /// Creates `path` and writes `header`.
    public init(path: String, header: RecordingHeader) throws(RecordingError) {
        file = try GzipWriter(path: path)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        indexIntervalNanos = max(1, header.indexIntervalNanos)
        try write(try encoded(Versioned(header)) + [0x0A])
    }

    var path: String { file.path }

    /// Writes a sample: the events that are new since the last one, then the task events, then the
    /// snapshot itself (without its events list).
    public func writeSample(_ snapshot: PoolSnapshot, tasks: [TaskEvent]) throws(RecordingError) {
        let t = snapshot.elapsedNanos
        for event in Self.newEvents(in: snapshot.events, after: lastEvents) {
            try writeLine(.event, t: event.elapsedNanos, value: event)
        }
        lastEvents = snapshot.events
        if !tasks.isEmpty { try writeTasks(tasks, t: t) }
        let stripped = snapshot.withEvents([])
        if nextIndexAt == nil { nextIndexAt = t + indexIntervalNanos }
        pendingIndex.append([t, offset])
        try writeLine(.snapshot, t: t, value: stripped)
        if firstSampleNanos == nil { firstSampleNanos = t }
        lastSampleNanos = t
        if let due = nextIndexAt, t >= due { try writeIndex(at: t) }
    }

    /// Writes a command and the source's reply, at pool time `t`.
    public func writeCommand(_ command: RecordedCommand, at t: UInt64) throws(RecordingError) {
        try writeLine(.command, t: t, value: command)
    }

    /// Pushes buffered lines to the file.
    func flush() throws(RecordingError) { try file.flush() }

    /// Writes the last index line and closes the file.
    public func close() throws(RecordingError) {
        if let last = lastSampleNanos, !pendingIndex.isEmpty { try writeIndex(at: last) }
        try file.close()
    }

    // MARK: - Lines

    private func writeIndex(at t: UInt64) throws(RecordingError) {
        try writeLine(.index, t: t, value: pendingIndex)
        pendingIndex.removeAll(keepingCapacity: true)
        nextIndexAt = t + indexIntervalNanos
    }

    /// The task events line, written by hand: a busy pool makes thousands of them a second, and
    /// each is a short array of numbers (the same JSON `TaskEvent`'s `Codable` reads back).
    private func writeTasks(_ tasks: [TaskEvent], t: UInt64) throws(RecordingError) {
        var line = Array("{\"k\":\"\(RecordingLineKind.tasks.rawValue)\",\"t\":\(t),\"v\":[".utf8)
        line.reserveCapacity(line.count + tasks.count * 48)
        for (position, task) in tasks.enumerated() {
            if position > 0 { line.append(0x2C) }
            switch task {
            case .submitted(let at, let request, let index):
                line += Array("[\"s\",".utf8)
                Self.append(at, to: &line, comma: true)
                Self.append(UInt64(request), to: &line, comma: true)
                Self.append(UInt64(index), to: &line, comma: false)
            case .ran(let start, let end, let request, let index, let slot, let outcome):
                line += Array("[\"r\",".utf8)
                for number in [start, end, UInt64(request), UInt64(index), UInt64(slot)] { Self.append(number, to: &line, comma: true) }
                line += Array("\"\(outcome.rawValue)\"".utf8)
            }
            line.append(0x5D)  // ]
        }
        line += [0x5D, 0x7D, 0x0A]  // ]}\n
        try write(line)
    }

    /// Appends the digits of `number`, and a comma after it if asked.
    private static func append(_ number: UInt64, to line: inout [UInt8], comma: Bool) {
        if number == 0 {
            line.append(0x30)
        } else {
            var digits: [UInt8] = []
            var rest = number
            while rest > 0 {
                digits.append(UInt8(rest % 10) + 0x30)
                rest /= 10
            }
            line += digits.reversed()
        }
        if comma { line.append(0x2C) }
    }

    private func writeLine<Value: Encodable>(_ kind: RecordingLineKind, t: UInt64, value: Value) throws(RecordingError) {
        var line = Array("{\"k\":\"\(kind.rawValue)\",\"t\":\(t),\"v\":".utf8)
        line += try encoded(value)
        line += [0x7D, 0x0A]  // }\n
        try write(line)
    }

    private func write(_ bytes: [UInt8]) throws(RecordingError) {
        try file.write(bytes)
        offset += UInt64(bytes.count)
    }

    private func encoded<Value: Encodable>(_ value: Value) throws(RecordingError) -> [UInt8] {
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw RecordingError(file: file.path, line: nil, reason: "cannot encode a \(Value.self): \(error)")
        }
    }

    /// The events of `current` that `previous` did not have: both are the newest events, oldest
    /// first, so the new ones are those after the last event of `previous`.
    static func newEvents(in current: [PoolEvent], after previous: [PoolEvent]) -> ArraySlice<PoolEvent> {
        guard let last = previous.last else { return current[...] }
        guard let position = current.lastIndex(of: last) else { return current[...] }
        return current[(position + 1)...]
    }
}

// Created on the thread that starts recording, then used by the recorder's writer thread alone.
extension RecordingWriter: @unchecked Sendable {}
