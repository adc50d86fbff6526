import PoolCore
import Testing

@Suite("Task specs and durations as typed on the command line")
struct TaskSpecTests {
    @Test("valid specs parse and print back the same", arguments: ["io:10ms", "cpu:1ms", "mixed:10ms:30%", "io:250us", "cpu:1.5s"])
    func roundTrip(text: String) throws {
        #expect(try TaskSpec(parsing: text).description == text)
    }

    @Test("a mixed task splits its cost between CPU and waiting")
    func mixedSplit() throws {
        let spec = try TaskSpec(parsing: "mixed:10ms:30%")
        #expect(spec.kind == .mixed)
        #expect(spec.split(cost: 10_000_000) == (cpu: 3_000_000, io: 7_000_000))
        #expect(TaskSpec(kind: .cpu, costNanos: 5).split(cost: 5) == (cpu: 5, io: 0))
        #expect(TaskSpec(kind: .io, costNanos: 5).split(cost: 5) == (cpu: 0, io: 5))
    }

    @Test("bad specs are refused with a message that says what a good one looks like",
          arguments: ["io:abc", "disk:10ms", "io", "io:10", "cpu:1ms:30%", "mixed:1ms:130%", "mixed:1ms:x%", "io:-5ms", ""])
    func refused(text: String) {
        #expect(throws: ParseError.self) { try TaskSpec(parsing: text) }
        do {
            _ = try TaskSpec(parsing: text)
        } catch {
            #expect(error.description.contains("expected KIND:DURATION"))
            #expect(error.description.contains("\"\(text)\""))
        }
    }

    @Test("durations with units, and zero")
    func durations() {
        #expect(DurationText.nanoseconds("10ms") == 10_000_000)
        #expect(DurationText.nanoseconds("20us") == 20_000)
        #expect(DurationText.nanoseconds("20µs") == 20_000)
        #expect(DurationText.nanoseconds("1.5s") == 1_500_000_000)
        #expect(DurationText.nanoseconds("250ns") == 250)
        #expect(DurationText.nanoseconds("0") == 0)
        #expect(DurationText.nanoseconds("10") == nil)
        #expect(DurationText.nanoseconds("ms") == nil)
        #expect(DurationText.format(nanoseconds: 850) == "850ns")
        #expect(DurationText.format(nanoseconds: 20_000) == "20us")
        #expect(DurationText.format(nanoseconds: 1_500_000) == "1.5ms")
        #expect(DurationText.format(nanoseconds: 2_250_000_000) == "2.25s")
        // Three significant digits at most, to fit a six-column table cell.
        let compact = [850, 83_400, 1_500_000, 20_350_000, 129_540_000, 1_234_000_000, 12_345_000_000]
            .map { DurationText.compact(nanoseconds: UInt64($0)) }
        #expect(compact == ["850ns", "83.4us", "1.5ms", "20.4ms", "130ms", "1.23s", "12.3s"])
        #expect(compact.allSatisfy { $0.count <= 6 })
    }
}
