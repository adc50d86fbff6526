import Sessions
import Testing

@Suite("The frame loop on a manual clock")
struct FrameLoopTests {
    @Test("frames come every 1/fps seconds of the clock, and the loop never sleeps for real")
    func framesOnTime() {
        let clock = ManualClock(start: 0)
        var stamps: [UInt64] = []
        FrameLoop(clock: clock, framesPerSecond: 10).run(frame: { now in
            stamps.append(now)
            return now < 1_000_000_000
        })
        #expect(stamps == (0...10).map { UInt64($0) * 100_000_000 })
    }

    @Test("the idle step can ask for a frame at once, or stop the loop")
    func idleOutcomes() {
        let clock = ManualClock(start: 0)
        var frames = 0
        var idles = 0
        FrameLoop(clock: clock, framesPerSecond: 1).run(frame: { _ in
            frames += 1
            return true
        }, idle: { timeout in
            idles += 1
            #expect(timeout == 1_000)
            clock.advance(by: 1_000_000)
            return idles == 1 ? .drawNow : .stop
        })
        #expect(frames == 2)
        #expect(idles == 2)
    }

    @Test("after a late frame the loop catches up once, then keeps at least half a frame between frames")
    func lateFrames() {
        let clock = ManualClock(start: 0)
        var stamps: [UInt64] = []
        FrameLoop(clock: clock, framesPerSecond: 10).run(frame: { now in
            stamps.append(now)
            if stamps.count == 1 { clock.advance(by: 350_000_000) }  // a frame that took 350 ms
            return stamps.count < 3
        })
        #expect(stamps == [0, 350_000_000, 400_000_000])
    }
}
