import Foundation
import PoolCore
import Testing

@Suite("PoolCommand.setCriticalSection and the critical section's limits")
struct PoolCommandTests {
    @Test("setCriticalSection has its own kind and reads back from a recording's JSON as itself")
    func setCriticalSectionKindAndJSON() throws {
        let command = PoolCommand.setCriticalSection(nanos: 40_000)
        #expect(command.kind == .setCriticalSection)
        #expect(PoolCommand.Kind.allCases.contains(.setCriticalSection))
        let data = try JSONEncoder().encode(Versioned(command))
        #expect(try JSONDecoder().decode(Versioned<PoolCommand>.self, from: data).value == command)
    }

    @Test("a command written before setCriticalSection existed still reads back (the case is additive)")
    func olderCommandsStillRead() throws {
        let data = try JSONEncoder().encode(Versioned(PoolCommand.setTimeScale(2)))
        #expect(try JSONDecoder().decode(Versioned<PoolCommand>.self, from: data).value == .setTimeScale(2))
    }

    @Test("the critical section may take 0…100 ms; clampCriticalSection moves anything else into that range",
          arguments: [(UInt64(0), UInt64(0)), (20_000, 20_000), (100_000_000, 100_000_000), (100_000_001, 100_000_000),
                      (5_000_000_000, 100_000_000), (.max, 100_000_000)])
    func clampCriticalSection(asked: UInt64, clamped: UInt64) {
        #expect(PoolLimits.criticalSection == 0...100_000_000)
        #expect(PoolLimits.clampCriticalSection(asked) == clamped)
    }
}
