/// Netflix's `ExpAvgMeasurement`: the plain mean of the first `warmup` values, then an
/// exponential moving average with factor 2 / (window + 1).
struct ExponentialAverage: Sendable, Hashable {
    let window: Int
    let warmup: Int
    private(set) var value = 0.0
    private var sum = 0.0
    private var count = 0

    init(window: Int, warmup: Int) {
        self.window = window
        self.warmup = warmup
    }

    /// Adds `sample`.
    /// - Returns: the average after it.
    @discardableResult
    mutating func add(_ sample: Double) -> Double {
        if count < warmup {
            count += 1
            sum += sample
            value = sum / Double(count)
        } else {
            let factor = 2 / Double(window + 1)
            value = value * (1 - factor) + sample * factor
        }
        return value
    }

    /// Multiplies the average by `factor` (during the warm-up the next sample recomputes the mean,
    /// as in Netflix's).
    mutating func scale(by factor: Double) {
        value *= factor
    }
}
