/// The most recent samples of one series, oldest first, in a ring of fixed capacity.
///
/// Appending never allocates once the ring is full, so the dashboard can record every snapshot
/// for as long as it runs.
public struct SampleHistory: Sendable, Equatable {
    /// The most samples kept; older ones are dropped.
    public let capacity: Int
    private var storage: [Double]
    /// The index of the oldest sample in `storage`.
    private var start = 0
    /// The number of samples kept, at most `capacity`.
    public private(set) var count = 0

    /// Creates an empty history that keeps up to `capacity` samples (at least one).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        self.storage = []
        storage.reserveCapacity(self.capacity)
    }

    /// Adds `value` as the newest sample, dropping the oldest when full.
    public mutating func append(_ value: Double) {
        if storage.count < capacity {
            storage.append(value)
            count = storage.count
            return
        }
        storage[start] = value
        start = (start + 1) % capacity
    }

    /// The newest `maxCount` samples (or all of them when fewer), oldest first.
    public func suffix(_ maxCount: Int) -> [Double] {
        let taken = min(count, max(0, maxCount))
        var result: [Double] = []
        result.reserveCapacity(taken)
        var index = (start + count - taken) % max(1, storage.count)
        for _ in 0..<taken {
            result.append(storage[index])
            index += 1
            if index == storage.count { index = 0 }
        }
        return result
    }

    /// Every sample kept, oldest first.
    public var values: [Double] { suffix(count) }

    /// The newest sample, or nil when there is none.
    public var last: Double? {
        count == 0 ? nil : storage[(start + count - 1) % storage.count]
    }

    /// Forgets every sample.
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        start = 0
        count = 0
    }
}
