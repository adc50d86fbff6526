import Testing
@testable import NcursesBackend

struct ColorPairCacheTests {
    @Test func defaultOnDefaultIsPairZero() {
        var cache = ColorPairCache(colorPairs: 64)
        #expect(cache.pair(foreground: -1, background: -1) == .init(id: 0, isNew: false))
        #expect(cache.count == 0)
    }

    @Test func assignsIdsInOrderAndReusesThem() {
        var cache = ColorPairCache(colorPairs: 64)
        #expect(cache.pair(foreground: 1, background: -1) == .init(id: 1, isNew: true))
        #expect(cache.pair(foreground: -1, background: 1) == .init(id: 2, isNew: true))
        #expect(cache.pair(foreground: 1, background: -1) == .init(id: 1, isNew: false))
        #expect(cache.count == 2)
    }

    @Test func neverHandsOutMoreIdsThanTheTerminalHas() {
        var cache = ColorPairCache(colorPairs: 4)
        #expect(cache.capacity == 3)
        let ids = (0..<3).compactMap { cache.pair(foreground: Int32($0), background: 0)?.id }
        #expect(ids == [1, 2, 3])
        #expect(cache.pair(foreground: 200, background: 0) == nil)
        #expect(cache.pair(foreground: 1, background: 0) == .init(id: 2, isNew: false))
        #expect(cache.pair(foreground: -1, background: -1)?.id == 0)
    }

    @Test func startsOverAfterRemoveAll() {
        var cache = ColorPairCache(colorPairs: 3)
        _ = cache.pair(foreground: 1, background: 2)
        _ = cache.pair(foreground: 3, background: 4)
        cache.removeAll()
        #expect(cache.count == 0)
        #expect(cache.pair(foreground: 3, background: 4) == .init(id: 1, isNew: true))
    }

    @Test func aTerminalWithoutPairsGetsNone() {
        var cache = ColorPairCache(colorPairs: 0)
        #expect(cache.capacity == 0)
        #expect(cache.pair(foreground: 1, background: 2) == nil)
    }
}
