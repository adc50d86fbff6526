/// The one loop behind every screen and probe: a frame every 1/fps seconds on a `FrameClock`, and
/// between frames an idle step that waits for input (the dashboard), or just waits (`render`).
///
/// When frames fall behind, the loop draws one frame at once and then keeps at least half a frame
/// between frames, so falling behind never turns into a burst of frames.
public struct FrameLoop {
    /// What the idle step asks of the loop.
    public enum IdleOutcome: Sendable, Hashable {
        /// Keep waiting for the next frame.
        case keepGoing
        /// Draw a frame now (the terminal was resized).
        case drawNow
        /// Leave the loop.
        case stop
    }

    /// The clock frames are timed by.
    public var clock: any FrameClock
    /// Frames per second, within `PoolLimits.fps`.
    public var framesPerSecond: Int

    /// A loop at `framesPerSecond` on `clock`.
    public init(clock: any FrameClock, framesPerSecond: Int) {
        self.clock = clock
        self.framesPerSecond = max(1, framesPerSecond)
    }

    /// Nanoseconds from one frame to the next.
    public var frameNanos: UInt64 { 1_000_000_000 / UInt64(framesPerSecond) }

    /// Runs frames until `frame` or `idle` says to stop.
    /// - Parameters:
    ///   - frame: draws one frame at `now` (clock nanoseconds); returns false to stop.
    ///   - idle: waits at most `timeoutMillis` for something to happen (by default it sleeps on the
    ///     clock) and says what the loop does next.
    public func run(frame: (_ now: UInt64) -> Bool, idle: ((_ timeoutMillis: Int) -> IdleOutcome)? = nil) {
        var nextFrame = clock.nowNanos
        while true {
            let now = clock.nowNanos
            if now >= nextFrame {
                guard frame(now) else { return }
                nextFrame = max(nextFrame + frameNanos, now + frameNanos / 2)
                continue
            }
            let timeout = Int((nextFrame - now + 999_999) / 1_000_000)
            let outcome = idle?(timeout) ?? sleep(until: nextFrame)
            switch outcome {
            case .keepGoing: continue
            case .drawNow: nextFrame = clock.nowNanos
            case .stop: return
            }
        }
    }

    /// The default idle step: sleeps on the clock until the next frame.
    private func sleep(until deadline: UInt64) -> IdleOutcome {
        clock.sleep(until: deadline)
        return .keepGoing
    }
}
