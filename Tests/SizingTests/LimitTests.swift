import PoolCore
@testable import Sizing
import Testing

private let ms: UInt64 = 1_000_000

/// Each limiter driven by synthetic RTT and drop sequences, step by step against the update rules
/// of Netflix's concurrency-limits (AIMDLimit, VegasLimit, Gradient2Limit at their defaults).
@Suite struct AIMDLimitTests {
    @Test func growsByOneWhileHalfTheLimitIsInFlight() {
        var aimd = AIMDLimit(initial: 20, bounds: 1...200)
        let grew = aimd.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 10))
        #expect(grew == LimitDecision(from: 20, to: 21, rule: .additiveIncrease, rttNanos: 10 * ms, inFlight: 10))
        // 10 × 2 = 20 < 21: the pool is not using its limit; it holds.
        let held = aimd.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 10))
        #expect(held.rule == .appLimited && held.to == 21)
    }

    @Test func backsOffOnADropOrATimeout() {
        var aimd = AIMDLimit(initial: 21, bounds: 1...200)
        // (int) (21 × 0.9) = 18, truncated.
        #expect(aimd.update(with: .drop(inFlight: 21)) == LimitDecision(from: 21, to: 18, rule: .droppedTask(factor: 0.9), rttNanos: 0, inFlight: 21))
        let slow = aimd.update(with: LimitSample(rttNanos: 5_000_000_001, inFlight: 18))
        #expect(slow.rule == .timedOut(timeoutNanos: 5_000_000_000, factor: 0.9) && slow.to == 16)
        // Exactly the timeout is not past it: it grows.
        #expect(aimd.update(with: LimitSample(rttNanos: 5_000_000_000, inFlight: 16)).to == 17)
    }

    @Test func staysWithinItsBounds() {
        var aimd = AIMDLimit(initial: 200, bounds: 2...200)
        #expect(aimd.update(with: LimitSample(rttNanos: ms, inFlight: 200)).to == 200)
        aimd.restart(at: 2)
        #expect(aimd.update(with: .drop(inFlight: 2)).to == 2)
    }
}

@Suite struct VegasLimitTests {
    @Test func log10StepsAsNetflixsLookup() {
        #expect([1, 9, 10, 99, 100, 999, 1000, 9999, 10000].map(Log10Steps.of) == [1, 1, 1, 1, 2, 2, 3, 3, 4])
    }

    @Test func followsTheQueueEstimateStepByStep() {
        var vegas = VegasLimit(initial: 20, bounds: 1...1000, seed: 7)
        // The first RTT becomes the no-load RTT; the limit holds.
        #expect(vegas.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 10)).rule == .lowerNoLoad)
        #expect(vegas.referenceRttNanos == Double(10 * ms))
        // queue = ⌈20 × (1 − 10/10)⌉ = 0 ≤ threshold 1: + beta 6.
        let fast = vegas.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 10))
        #expect(fast == LimitDecision(from: 20, to: 26, rule: .vegasQueue(queue: 0, alpha: 3, beta: 6, threshold: 1, noLoadNanos: 10 * ms),
                                      rttNanos: 10 * ms, inFlight: 10))
        // queue = ⌈26 × (1 − 10/20)⌉ = 13 > beta 6: − log10 = 1.
        let slow = vegas.update(with: LimitSample(rttNanos: 20 * ms, inFlight: 13))
        #expect(slow.rule == .vegasQueue(queue: 13, alpha: 3, beta: 6, threshold: 1, noLoadNanos: 10 * ms) && slow.to == 25)
        // queue = ⌈25 × (1 − 10/11)⌉ = 3: alpha ≤ 3 ≤ beta, it holds.
        #expect(vegas.update(with: LimitSample(rttNanos: 11 * ms, inFlight: 13)).to == 25)
        // queue = ⌈25 × (1 − 10/10.5)⌉ = 2 < alpha 3 (above the threshold): + log10 = 1.
        #expect(vegas.update(with: LimitSample(rttNanos: 10_500_000, inFlight: 13)).to == 26)
        // 12 × 2 < 26: app-limited.
        #expect(vegas.update(with: LimitSample(rttNanos: 30 * ms, inFlight: 12)).rule == .appLimited)
        // A drop takes log10 off.
        #expect(vegas.update(with: .drop(inFlight: 13)) == LimitDecision(from: 26, to: 25, rule: .droppedTask(factor: nil), rttNanos: 0, inFlight: 13))
        // A faster task lowers the no-load RTT and the limit holds.
        #expect(vegas.update(with: LimitSample(rttNanos: 9 * ms, inFlight: 13)).rule == .lowerNoLoad)
        #expect(vegas.limit == 25)
    }

    @Test func thresholdsWidenPastAHundred() {
        var vegas = VegasLimit(initial: 150, bounds: 1...1000, seed: 7)
        _ = vegas.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 150))
        // log10 steps are 2 from 100: alpha 6, beta 12, threshold 2; queue 0 → + beta 12.
        let step = vegas.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 150))
        #expect(step.rule == .vegasQueue(queue: 0, alpha: 6, beta: 12, threshold: 2, noLoadNanos: 10 * ms) && step.to == 162)
    }

    @Test func probesTheNoLoadRTTEvery15To30TimesTheLimit() throws {
        var vegas = VegasLimit(initial: 20, bounds: 1...1000, seed: 3)
        _ = vegas.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 1))
        var probedAt: Int?
        for sample in 2...700 {
            // In-flight 1: app-limited, so the limit stays 20 and the probe comes at 30 × jitter × 20.
            if vegas.update(with: LimitSample(rttNanos: 30 * ms, inFlight: 1)).rule == .probedNoLoad {
                probedAt = sample
                break
            }
        }
        let at = try #require(probedAt)
        #expect((300...600).contains(at))
        // The probe sets the no-load RTT to the sample's, though it is slower than the minimum.
        #expect(vegas.referenceRttNanos == Double(30 * ms))
    }
}

@Suite struct Gradient2LimitTests {
    @Test func growsByTheQueueAllowanceSmoothedWhenTheRTTHolds() {
        var gradient = Gradient2Limit(initial: 20, bounds: 1...200)
        // long = short = 10 ms: gradient min(1, 1.5) = 1; new = 20 × 1 + 4 = 24, smoothed: 20 × 0.8 + 24 × 0.2 = 20.8.
        let step = gradient.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 20))
        #expect(step.rule == .gradient(longRttNanos: Double(10 * ms), gradient: 1, queueSize: 4, smoothing: 0.2))
        #expect(abs(step.to - 20.8) < 1e-9)
        // 5 < 20.8 / 2: app-limited; the long RTT still learns the sample.
        #expect(gradient.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 5)).rule == .appLimited)
        // long = mean(10, 10, 40) = 20 ms; gradient = 1.5 × 20 / 40 = 0.75; new = 20.8 × 0.75 + 4 = 19.6;
        // smoothed: 20.8 × 0.8 + 19.6 × 0.2 = 20.56.
        let slow = gradient.update(with: LimitSample(rttNanos: 40 * ms, inFlight: 20))
        #expect(slow.rule == .gradient(longRttNanos: Double(20 * ms), gradient: 0.75, queueSize: 4, smoothing: 0.2))
        #expect(abs(slow.to - 20.56) < 1e-9)
    }

    @Test func gradientIsClampedAtAHalf() {
        var clamped = Gradient2Limit(initial: 100, bounds: 1...200)
        for _ in 0..<9 { _ = clamped.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 1)) }
        // long = (9 × 10 + 1000) / 10 = 109 ms; 1.5 × 109 / 1000 = 0.1635 → 0.5; new = 100 × 0.5 + 4 = 54;
        // smoothed: 100 × 0.8 + 54 × 0.2 = 90.8.
        let step = clamped.update(with: LimitSample(rttNanos: 1000 * ms, inFlight: 100))
        #expect(step.rule == .gradient(longRttNanos: Double(109 * ms), gradient: 0.5, queueSize: 4, smoothing: 0.2))
        #expect(abs(step.to - 90.8) < 1e-9)
    }

    @Test func cutsTheLongRTTWhenItStandsAboveTwiceTheRTT() throws {
        var gradient = Gradient2Limit(initial: 50, bounds: 1...200)
        for _ in 0..<10 { _ = gradient.update(with: LimitSample(rttNanos: 100 * ms, inFlight: 1)) }
        // Past the warm-up: long = 100 × (1 − 2/601) + 10 × 2/601; above 2 × 10 ms, so the stored
        // long RTT is cut by 5 % — but this sample's gradient uses the value before the cut.
        let factor = 2.0 / 601
        let long = Double(100 * ms) * (1 - factor) + Double(10 * ms) * factor
        let step = gradient.update(with: LimitSample(rttNanos: 10 * ms, inFlight: 50))
        guard case .gradient(let used, let value, _, _) = step.rule else { Issue.record("rule \(step.rule)"); return }
        #expect(abs(used - long) < 1e-3 && value == 1)
        #expect(abs(try #require(gradient.referenceRttNanos) - long * 0.95) < 1e-3)
    }

    @Test func ignoresDrops() {
        var gradient = Gradient2Limit(initial: 30, bounds: 1...200)
        #expect(gradient.update(with: .drop(inFlight: 30)) == LimitDecision(from: 30, to: 30, rule: .ignoredDrop, rttNanos: 0, inFlight: 30))
    }
}

/// Each rule in one sentence with its numbers, as the limiter panel shows it.
@Suite struct LimitSentenceTests {
    private func sentence(_ rule: LimitRule, from: Double = 80, to: Double = 80, rtt: UInt64 = 42 * ms, inFlight: Int = 45) -> String {
        LimitDecision(from: from, to: to, rule: rule, rttNanos: rtt, inFlight: inFlight).sentence
    }

    @Test func everyRuleSaysWhyTheLimitMovedOrHeld() {
        #expect(sentence(.appLimited, inFlight: 30) == "30 in flight < 80 ÷ 2: the limit is not the bottleneck; holding at 80")
        #expect(sentence(.additiveIncrease, to: 81) == "45 in flight ≥ 80 ÷ 2, no drop: +1 → 81")
        #expect(sentence(.droppedTask(factor: 0.9), to: 72, rtt: 0) == "a task was dropped: 80 × 0.9 → 72")
        #expect(sentence(.droppedTask(factor: nil), to: 79, rtt: 0) == "a task was dropped: 80 − log10 → 79")
        #expect(sentence(.ignoredDrop, rtt: 0) == "a task was dropped; Gradient2 goes by RTT only: holding at 80")
        #expect(sentence(.timedOut(timeoutNanos: 5_000_000_000, factor: 0.9), to: 72, rtt: 6_000_000_000)
                == "RTT 6s > timeout 5s: 80 × 0.9 → 72")
        #expect(sentence(.probedNoLoad, rtt: 21 * ms) == "probe: the no-load RTT starts again from 21ms; holding at 80")
        #expect(sentence(.lowerNoLoad, rtt: 19 * ms) == "RTT 19ms is the fastest yet: the new no-load RTT; holding at 80")
        let queue = { (queued: Int) in LimitRule.vegasQueue(queue: queued, alpha: 3, beta: 6, threshold: 1, noLoadNanos: 20 * ms) }
        #expect(sentence(queue(14), to: 79) == "RTT 42ms vs no-load 20ms: ≈ 14 queued > β 6: backing off → 79")
        #expect(sentence(queue(1), to: 86) == "RTT 42ms vs no-load 20ms: ≈ 1 queued ≤ 1: + β 6 → 86")
        #expect(sentence(queue(2), to: 81) == "RTT 42ms vs no-load 20ms: ≈ 2 queued < α 3: growing → 81")
        #expect(sentence(queue(4)) == "RTT 42ms vs no-load 20ms: ≈ 4 queued, between α 3 and β 6: holding at 80")
        #expect(sentence(.gradient(longRttNanos: Double(20 * ms), gradient: 0.71, queueSize: 4, smoothing: 0.2), from: 52, to: 49.9)
                == "long RTT 20ms × 1.5 ÷ RTT 42ms → gradient 0.71: 52 × 0.71 + 4, smoothed 0.2 → 49.9")
    }
}
