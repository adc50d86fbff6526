/// What one instrumented lock has seen since the statistics were last reset.
public struct LockStats: Sendable, Hashable, Codable {
    public var acquisitions: Int
    /// Acquisitions that found the lock taken and had to wait.
    public var contended: Int
    public var waitNanosTotal: UInt64
    public var waitNanosMax: UInt64
    public var holdNanosTotal: UInt64
    /// Threads waiting for the lock at the moment of sampling.
    public var waiters: Int

    public init(acquisitions: Int = 0, contended: Int = 0, waitNanosTotal: UInt64 = 0, waitNanosMax: UInt64 = 0,
                holdNanosTotal: UInt64 = 0, waiters: Int = 0) {
        self.acquisitions = acquisitions
        self.contended = contended
        self.waitNanosTotal = waitNanosTotal
        self.waitNanosMax = waitNanosMax
        self.holdNanosTotal = holdNanosTotal
        self.waiters = waiters
    }

    /// The share of acquisitions that had to wait, 0...1.
    public var contentionRatio: Double {
        acquisitions == 0 ? 0 : Double(contended) / Double(acquisitions)
    }

    /// The mean wait per acquisition in nanoseconds.
    public var meanWaitNanos: Double {
        acquisitions == 0 ? 0 : Double(waitNanosTotal) / Double(acquisitions)
    }

    /// The mean hold time per acquisition in nanoseconds.
    public var meanHoldNanos: Double {
        acquisitions == 0 ? 0 : Double(holdNanosTotal) / Double(acquisitions)
    }
}
