import Foundation
import PoolCore

/// A recording as a Chrome Trace Event JSON file, which Perfetto's UI (ui.perfetto.dev) and
/// chrome://tracing open: one track per worker slot with every task that ran as a complete slice
/// named by its request; queue depth, throughput, busy workers and lock waiters as counters;
/// bursts, resizes, mode switches and crashes as instant events; process and track names as
/// metadata. Times are whole microseconds since the pool started, cut the same way for a slice's
/// start and end, so slices of one slot never overlap.
public enum PerfettoExport {
    /// The process id every event carries (one pool).
    static let pid = 1

    /// The trace of `recording`, as the JSON object's bytes.
    public static func trace(of recording: Recording) throws(RecordingError) -> [UInt8] {
        var events: [[String: Any]] = []
        let mode = recording.header.configuration.mode.rawValue
        events.append(metadata("process_name", tid: 0, ["name": "pooltop \(mode) pool"]))
        events.append(metadata("thread_name", tid: 0, ["name": "pool events"]))
        var slots = Set<Int>()
        for event in try recording.taskEvents() {
            guard case .ran(let start, let end, let request, let index, let slot, let outcome) = event else { continue }
            slots.insert(slot)
            let startMicros = start / 1_000, endMicros = max(start, end) / 1_000
            events.append(["ph": "X", "cat": "task", "name": "request \(request)", "pid": pid, "tid": slot + 1,
                           "ts": startMicros, "dur": endMicros - startMicros,
                           "args": ["request": request, "task": index, "outcome": outcome.rawValue]])
        }
        for slot in slots.sorted() {
            events.append(metadata("thread_name", tid: slot + 1, ["name": "slot \(slot)"]))
            events.append(metadata("thread_sort_index", tid: slot + 1, ["sort_index": slot + 1]))
        }
        for index in recording.samples.indices {
            let snapshot = try recording.snapshot(at: index)
            let ts = snapshot.elapsedNanos / 1_000
            events.append(counter("queue depth", ts: ts, ["queued": snapshot.queueDepth]))
            events.append(counter("throughput", ts: ts, ["tasks/s": snapshot.tasksPerSecond.isFinite ? snapshot.tasksPerSecond : 0]))
            events.append(counter("busy workers", ts: ts, ["busy": snapshot.busy, "cap": snapshot.configuration.cap]))
            events.append(counter("lock waiters", ts: ts, ["waiters": snapshot.lock.waiters]))
        }
        for event in recording.events {
            events.append(["ph": "i", "s": "g", "cat": event.kind.rawValue, "name": event.message, "pid": pid, "tid": 0,
                           "ts": event.elapsedNanos / 1_000])
        }
        let object: [String: Any] = ["traceEvents": events, "displayTimeUnit": "ms",
                                     "otherData": ["pooltop": recording.header.pooltop, "recording": recording.name]]
        do {
            return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        } catch {
            throw RecordingError(file: recording.path, line: nil, reason: "cannot make its trace: \(error)")
        }
    }

    /// Writes the trace of `recording` to `path`.
    public static func write(_ recording: Recording, to path: String) throws(RecordingError) {
        try ExportFile.write(try trace(of: recording), to: path)
    }

    private static func metadata(_ name: String, tid: Int, _ args: [String: Any]) -> [String: Any] {
        ["ph": "M", "name": name, "pid": pid, "tid": tid, "args": args]
    }

    private static func counter(_ name: String, ts: UInt64, _ args: [String: Any]) -> [String: Any] {
        ["ph": "C", "name": name, "pid": pid, "tid": 0, "ts": ts, "args": args]
    }
}
