import Foundation
import PoolCore
import PoolEngine
import Sessions
import Workload

/// How a long recording behaves: its size, how long it takes to open, and to seek to a moment.
///
/// The recording is made of a real one: a 3-second run at about 1,000 tasks a second is recorded,
/// then its samples and task events are written again and again, shifted in time, until the file
/// covers `minutes` (so it has the size and shape of a long run without taking that long).
struct BenchRecordingFile: Sendable, Codable {
    /// Minutes of recorded time.
    var minutes: Int
    /// Snapshots in the file.
    var samples: Int
    /// The file's size, plain, and what an hour of it comes to.
    var bytes: UInt64
    var megabytesPerHour: Double
    /// Seconds to open it (median of 3), and to seek to a random moment and decode its snapshot,
    /// in milliseconds.
    var openSeconds: SampleSummary
    var seekMilliseconds: SampleSummary

    /// Makes the recording, measures it, deletes it.
    static func measure(minutes: Int, seeks: Int) throws(BenchFailure) -> BenchRecordingFile {
        let folder = NSTemporaryDirectory() + "pooltop-bench-recording-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let seed = folder + "/seed.rec", long = folder + "/long.rec"
        let scenario = Scenario(requests: 200, fanout: 5, task: TaskSpec(kind: .io, costNanos: 50_000_000),
                                arrival: .burst(windowNanos: 1_000_000_000), bursts: 3, intervalNanos: 1_000_000_000, seed: 1)
        do throws(RecordingError) {
            _ = try HeadlessRun(configuration: PoolConfiguration(cap: 100), scenario: scenario).run(recordingInto: seed) { _, _ in }
            let samples = try repeatRecording(try Recording(contentsOf: seed), into: long, minutes: minutes)
            var opens: [Double] = []
            var recording: Recording?
            for _ in 0..<3 {
                let begun = MonotonicClock.now()
                recording = try Recording(contentsOf: long)
                opens.append(Double(MonotonicClock.now() - begun) / 1e9)
            }
            guard let recording else { throw RecordingError(file: long, line: nil, reason: "not opened") }
            var generator = SeededGenerator(seed: 5)
            var seekTimes: [Double] = []
            for _ in 0..<max(1, seeks) {
                let position = UInt64(generator.nextUnit() * Double(recording.durationNanos))
                let begun = MonotonicClock.now()
                _ = try recording.snapshot(at: recording.sampleIndex(atPosition: position))
                seekTimes.append(Double(MonotonicClock.now() - begun) / 1e6)
            }
            let bytes = UInt64((try? FileManager.default.attributesOfItem(atPath: long)[.size] as? NSNumber)??.uint64Value ?? 0)
            return BenchRecordingFile(minutes: minutes, samples: samples, bytes: bytes,
                                      megabytesPerHour: Double(bytes) / 1e6 * 60 / Double(max(1, minutes)),
                                      openSeconds: SampleSummary(opens)!, seekMilliseconds: SampleSummary(seekTimes)!)
        } catch {
            throw BenchFailure("the long recording: \(error)")
        }
    }

    /// Writes `seed`'s samples, events and task events again and again, shifted by its length each
    /// time, until `minutes` are covered. Returns the number of samples written.
    private static func repeatRecording(_ seed: Recording, into path: String, minutes: Int) throws(RecordingError) -> Int {
        let snapshots = try seed.samples.indices.map { index throws(RecordingError) in try seed.snapshot(at: index) }
        let tasks = try seed.taskEvents()
        let span = max(1, seed.durationNanos + seed.header.sampleIntervalNanos)
        let writer = try RecordingWriter(path: path, header: seed.header)
        let copies = Int((UInt64(minutes) * 60_000_000_000 + span - 1) / span)
        var written = 0
        for copy in 0..<copies {
            let shift = UInt64(copy) * span
            var taskIndex = 0
            for snapshot in snapshots {
                let moved = snapshot.shifted(by: shift)
                var due: [TaskEvent] = []
                while taskIndex < tasks.count, tasks[taskIndex].atNanos <= snapshot.elapsedNanos {
                    due.append(shifted(tasks[taskIndex], by: shift))
                    taskIndex += 1
                }
                try writer.writeSample(moved, tasks: due)
                written += 1
            }
        }
        try writer.close()
        return written
    }

    private static func shifted(_ event: TaskEvent, by shift: UInt64) -> TaskEvent {
        switch event {
        case .submitted(let at, let request, let index):
            return .submitted(at: at + shift, request: request, index: index)
        case .ran(let start, let end, let request, let index, let slot, let outcome):
            return .ran(start: start + shift, end: end + shift, request: request, index: index, slot: slot, outcome: outcome)
        }
    }
}
