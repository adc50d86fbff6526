@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// Panels drawn alone at small sizes, checked against literal lines.
@Suite struct PanelTests {
    let styles = DashboardStyles(theme: .monochrome)

    func observation(_ snapshots: PoolSnapshot...) -> PoolObservation {
        var observation = PoolObservation()
        for snapshot in snapshots { observation.record(snapshot) }
        return observation
    }

    @Test func slotsShowAGlyphPerStateAndALegend() {
        let slots = [
            SlotState(phase: .busy, requestID: 1), SlotState(phase: .busy, requestID: 1, taskIndex: 1),
            SlotState(phase: .waitingForLock, requestID: 2), SlotState(phase: .holdingLock, requestID: 3),
            SlotState(phase: .waitingForInterpreter, requestID: 4), SlotState(phase: .idle), SlotState(phase: .starting),
            SlotState(phase: .busy, isRetiring: true, requestID: 5), SlotState(phase: .crashed), .empty,
        ]
        let panel = SlotsPanel(observation: observation(PoolSnapshot(slots: slots)), selectedSlot: nil, styles: styles)
        #expect(panel.rendered(width: 40, height: 8).lines == [
            "╭─ slots 10 ────── 6 running · 1 idle ─╮",
            "│█ █ ◌ ◆ ◐ · ↑ ↓ ✗                     │",
            "│                                      │",
            "│                                      │",
            "│· idle █ busy ◌ wait lock ◆ in lock   │",
            "│◐ wait GIL ↑ start ↓ retire ✗ crash   │",
            "│click a slot to see what it runs      │",
            "╰──────────────────────────────────────╯",
        ])
    }

    @Test("after a mode switch `slots N` is the cap, with the old mode's draining slots counted down to it")
    func afterAModeSwitchSlotsEqualTheCap() {
        var snapshot = PoolSnapshot()
        snapshot.configuration.cap = 4
        let current = Array(repeating: SlotState(phase: .idle), count: 4)
        let leaving = Array(repeating: SlotState(phase: .busy, isRetiring: true, requestID: 7), count: 3)
        snapshot.slots = current + leaving
        let draining = SlotsPanel(observation: observation(snapshot), selectedSlot: nil, styles: styles).rendered(width: 40, height: 6)
        #expect(draining.lines[0] == "╭─ slots 7 → 4 ───── 3 running · 4 idle ─╮".replacingOccurrences(of: "───── 3", with: "─── 3"))
        #expect(draining.lines[1] == "│· · · · ↓ ↓ ↓                         │")
        snapshot.slots = current
        let settled = SlotsPanel(observation: observation(snapshot), selectedSlot: nil, styles: styles).rendered(width: 40, height: 6)
        #expect(settled.lines[0].hasPrefix("╭─ slots 4 ─"))
    }

    @Test func aSelectedSlotIsHighlightedWithWhatItRuns() {
        let slots = [SlotState(phase: .idle), SlotState(phase: .holdingLock, requestID: 42, taskIndex: 2)]
        let first = PoolSnapshot(elapsedNanos: 1_000_000_000, slots: slots)
        var later = first
        later.elapsedNanos = 1_250_000_000
        later.workload = WorkloadStatus(task: TaskSpec(kind: .io, costNanos: 1_000_000), fanout: 5)
        let panel = SlotsPanel(observation: observation(first, later), selectedSlot: 1, styles: styles)
        let buffer = panel.rendered(width: 60, height: 6)
        #expect(buffer.lines[4] == "│slot 1 ◆ holding the lock · req #42 · task 3/5 · 250ms    │")
        #expect(buffer[3, 1].character == "◆")
        #expect(buffer[3, 1].style == styles.selection)
        #expect(buffer[1, 1].style == styles.idleSlot)
    }

    @Test func tooManySlotsFoldIntoAHeatStrip() {
        // 100 slots in one row of 38 cells: 3 slots a cell, 34 cells.
        let slots = (0..<100).map { index in index < 45 ? SlotState(phase: .busy, requestID: 1) : SlotState(phase: .idle) }
        let panel = SlotsPanel(observation: observation(PoolSnapshot(slots: slots)), selectedSlot: nil, styles: styles)
        let lines = panel.rendered(width: 40, height: 6).lines
        #expect(lines[0] == "╭─ slots 100 ─────── 1 cell = 3 slots ─╮")
        #expect(lines[1] == "│███████████████                       │")
        #expect(lines[2] == "│busy share per cell:   none ░ <⅓ ▒ <⅔ │")
    }

    @Test func aWatchedProgramsWorkersShowTheirPidsAndTheClickedOneItsCall() {
        let slots = [
            SlotState(phase: .busy, requestID: 7, worker: "4711"), SlotState(phase: .idle, worker: "4712"),
            SlotState(phase: .crashed, worker: "4713"), SlotState(phase: .idle, worker: "4720"),
        ]
        let snapshot = PoolSnapshot(slots: slots, sourceTitle: "multiprocessing.Pool-42:1, 4 workers")
        let panel = SlotsPanel(observation: observation(snapshot), selectedSlot: 0, styles: styles)
        let lines = panel.rendered(width: 40, height: 8).lines
        #expect(lines[0] == "╭─ workers 4 ───── 1 running · 2 idle ─╮")
        #expect(lines[1] == "│█ 4711  · 4712  ✗ 4713  · 4720        │")
        #expect(lines[6] == "│pid 4711 █ running · call #7          │")
    }

    @Test func threadNamesLoseThePrefixTheyShareWhichTheTitleNames() {
        let slots = (0..<12).map { SlotState(phase: .idle, worker: "ThreadPoolExecutor-0_\($0)") }
        let panel = SlotsPanel(observation: observation(PoolSnapshot(slots: slots, sourceTitle: "ThreadPoolExecutor-0")),
                               selectedSlot: nil, styles: styles)
        let lines = panel.rendered(width: 40, height: 8).lines
        #expect(lines[0] == "╭─ workers 12 ─── 0 running · 12 idle ─╮", "no room to name the prefix")
        let wide = panel.rendered(width: 70, height: 8).lines
        #expect(wide[0] == "╭─ workers 12 ──────── ThreadPoolExecutor-0_… · 0 running · 12 idle ─╮")
        #expect(lines[1] == "│· 0   · 1   · 2   · 3   · 4   · 5     │")
        #expect(lines[2] == "│· 6   · 7   · 8   · 9   · 10  · 11    │")
        #expect(SlotNames(slots).sharedPrefix == "ThreadPoolExecutor-0_")
        #expect(SlotNames([SlotState(phase: .idle, worker: "ThreadPoolExecutor-0_0")]).labels == ["0"])
        #expect(SlotNames([SlotState(phase: .idle, worker: "4711"), SlotState(phase: .idle, worker: "4712")]).labels == ["4711", "4712"])
    }

    @Test func namesThatDoNotFitLeaveTheGlyphsAlone() {
        let slots = (0..<40).map { SlotState(phase: .idle, worker: "\(40_000 + $0)") }
        let panel = SlotsPanel(observation: observation(PoolSnapshot(slots: slots, sourceTitle: "x")), selectedSlot: nil, styles: styles)
        let lines = panel.rendered(width: 40, height: 8).lines
        #expect(lines[1] == "│· · · · · · · · · · · · · · · · · · · │")
        #expect(SlotsPanel.slotIndex(atColumn: 3, row: 1, in: Rect(x: 0, y: 0, width: 40, height: 8), slots: slots) == 1)
    }

    @Test func latencyShowsPercentilesInHumanUnits() {
        var snapshot = PoolSnapshot()
        snapshot.queueWait = LatencySummary(count: 10, p50: 1_500, p90: 20_000, p99: 1_200_000, max: 2_000_000_000)
        snapshot.service = LatencySummary(count: 10, p50: 50_000_000, p90: 52_000_000, p99: 58_000_000, max: 61_000_000)
        let panel = LatencyPanel(observation: observation(snapshot), styles: styles)
        #expect(panel.rendered(width: 40, height: 6).lines == [
            "╭─ latency ────────────────────────────╮",
            "│           p50    p90    p99    max   │",
            "│queue    1.5us   20us  1.2ms     2s   │",
            "│service   50ms   52ms   58ms   61ms   │",
            "│request    0ns    0ns    0ns    0ns   │",
            "╰──────────────────────────────────────╯",
        ])
    }

    @Test func lostUpdatesStandOutWhenTheLockIsOff() {
        var snapshot = PoolSnapshot()
        snapshot.configuration.lockEnabled = false
        snapshot.counter = CounterStats(expected: 1000, actual: 987)
        let buffer = LockPanel(observation: observation(snapshot), styles: styles).rendered(width: 40, height: 6)
        #expect(buffer.lines[0] == "╭─ lock ────────── lock OFF · GIL off ─╮")
        #expect(buffer.lines[3] == "│counter 987 of 1,000  lost 13         │")
        #expect(buffer[28, 3].character == "1")
        #expect(buffer[28, 3].style == styles.error)
    }

    @Test func theInterpreterLockGetsALineWhenOn() {
        var snapshot = PoolSnapshot()
        snapshot.configuration.interpreterLockEnabled = true
        snapshot.interpreterLock = LockStats(acquisitions: 10, contended: 8, waitNanosTotal: 40_000_000, waiters: 3)
        let buffer = LockPanel(observation: observation(snapshot), styles: styles).rendered(width: 40, height: 6)
        #expect(buffer.lines[4] == "│GIL 80.0%  waiters 3  wait 4ms        │")
    }

    @Test("process mode's lock panel shows no GIL figures of the thread-mode minutes, and says why")
    func inProcessModeTheGILSaysWhyItHasNoFigures() {
        var threads = PoolSnapshot()
        threads.configuration.interpreterLockEnabled = true
        threads.interpreterLock = LockStats(acquisitions: 1000, contended: 992, waitNanosTotal: 62_570_000_000, waiters: 3)
        var processes = threads
        processes.elapsedNanos = 1_000_000_000
        processes.configuration.mode = .processes
        let buffer = LockPanel(observation: observation(threads, processes), styles: styles).rendered(width: 40, height: 6)
        #expect(buffer.lines[0].hasSuffix(" lock on · GIL per process ─╮"))
        #expect(buffer.lines[4] == "│GIL each process has its own          │")
        #expect(!buffer.lines.joined().contains("99.2%"))
        let wide = LockPanel(observation: observation(threads, processes), styles: styles).rendered(width: 70, height: 6)
        #expect(wide.lines[4] == "│GIL none shared: each worker process has its own interpreter lock   │")
    }

    @Test("back in thread mode the GIL's figures are the last 2 s, not the earlier minutes")
    func theGILFiguresDescribeTheLastTwoSeconds() {
        var observation = PoolObservation()
        var snapshot = PoolSnapshot()
        snapshot.configuration.interpreterLockEnabled = true
        // Minutes of thread mode: 99 % of acquisitions waited.
        snapshot.interpreterLock = LockStats(acquisitions: 10_000, contended: 9_900, waitNanosTotal: 600_000_000_000)
        observation.record(snapshot)
        // Then 3 s in which 100 acquisitions, 10 of them waiting 1 ms each.
        for step in 1...30 {
            snapshot.elapsedNanos = UInt64(step) * 100_000_000
            snapshot.interpreterLock.acquisitions += 100
            snapshot.interpreterLock.contended += 10
            snapshot.interpreterLock.waitNanosTotal += 10_000_000
            observation.record(snapshot)
        }
        let buffer = LockPanel(observation: observation, styles: styles).rendered(width: 40, height: 6)
        #expect(buffer.lines[4] == "│GIL 10.0%  waiters 0  wait 100us      │")
    }

    @Test("for Poisson arrivals the latency panel shows Erlang C's queue wait beside the measured one")
    func poissonArrivalsShowTheErlangCPrediction() {
        // c = 2, λ = 1.5 tasks/s, S = 1 s: the published P(wait) 0.6429 and mean wait 1.2857 s.
        var first = PoolSnapshot()
        first.configuration.cap = 2
        first.workload = WorkloadStatus(task: TaskSpec(kind: .io, costNanos: 1_000_000_000), fanout: 1, poissonRate: 1.5)
        first.service = LatencySummary(count: 100, p50: 700_000_000, p90: 2_300_000_000, p99: 4_600_000_000, max: 5_000_000_000, mean: 1e9)
        first.queueWait = LatencySummary(count: 100, p50: 300_000_000, p90: 3_500_000_000, p99: 8_000_000_000, max: 9_000_000_000, mean: 1.3e9)
        var later = first
        later.elapsedNanos = 10_000_000_000
        later.requests.arrived = 15
        let observation = observation(first, later)
        let comparison = LatencyPanel.prediction(observation)
        #expect(comparison.map { abs(($0.prediction.waitProbability ?? 0) - 0.6429) < 0.0005 } == true)
        #expect(comparison.map { abs(($0.prediction.meanWaitSeconds ?? 0) - 1.2857) < 0.0005 } == true)
        let wide = LatencyPanel(observation: observation, styles: styles).rendered(width: 80, height: 7).lines[5]
        #expect(wide.contains("M/M/2"), "\(wide)")
        #expect(wide.contains("1.29s"), "\(wide)")
        let narrow = LatencyPanel(observation: observation, styles: styles).rendered(width: 40, height: 7).lines[5]
        #expect(narrow == "│M/M/2 1.29s wait, P 64% · ≈ seen      │")
        var burst = later
        burst.workload?.poissonRate = nil
        #expect(LatencyPanel.prediction(self.observation(first, burst)) == nil, "bursts get no Erlang C line")
    }

    @Test("for a burst that arrives at once the latency panel shows the fluid model: the k-th task waits ⌊k/c⌋ task times")
    func aBurstAtOnceShowsTheFluidModel() {
        var snapshot = PoolSnapshot()
        snapshot.configuration.cap = 3
        snapshot.workload = WorkloadStatus(task: TaskSpec(kind: .io, costNanos: 1_000_000_000), fanout: 1, burstSize: 10, burstWindowNanos: 0)
        snapshot.service = LatencySummary(count: 10, p50: 1_000_000_000, p90: 1_000_000_000, p99: 1_000_000_000, max: 1_000_000_000, mean: 1e9)
        snapshot.queueWait = LatencySummary(count: 10, p50: 1_000_000_000, p90: 2_000_000_000, p99: 3_000_000_000, max: 3_000_000_000, mean: 1.2e9)
        let comparison = LatencyPanel.prediction(observation(snapshot))
        #expect(comparison.map { abs(($0.prediction.meanWaitSeconds ?? 0) - 1.2) < 1e-9 } == true, "waits 0,0,0,1,1,1,2,2,2,3: mean 1.2 s")
        #expect(comparison?.verdict == .close)
        snapshot.workload?.burstWindowNanos = 1_000_000_000
        #expect(LatencyPanel.prediction(observation(snapshot)) == nil, "a burst spread over a second (drain 4 s) is not the fluid model's")
    }

    @Test func eventsListTheNewestLastWithTimeStamps() {
        let events = [
            DashboardEvent(elapsedNanos: 1_000_000_000, message: "burst 1"),
            DashboardEvent(elapsedNanos: 62_500_000_000, message: "cap 50 → 60"),
            DashboardEvent(elapsedNanos: 63_000_000_000, message: "worker 3 crashed", severity: .error),
        ]
        let buffer = EventsPanel(events: events, styles: styles).rendered(width: 30, height: 4)
        #expect(buffer.lines == [
            "╭─ events ───────────────────╮",
            "│  1:02 cap 50 → 60          │",
            "│  1:03 worker 3 crashed     │",
            "╰────────────────────────────╯",
        ])
        #expect(buffer[8, 2].style == styles.error)
    }

    @Test func theFooterAbbreviatesTheKeysToFit() {
        func footer(_ width: Int) -> String {
            FooterView(isPaused: false, isHelpVisible: false, snapshotsWhilePaused: 0, commandEcho: nil, styles: styles)
                .rendered(width: width).lines[0]
        }
        #expect(footer(80) == "burst auto +-[]cap mode work lock gil kill <> ␣pause reset theme sweep R ? quit ")
        #expect(footer(40) == "b a +-[] m w l g k <> ␣ r t s R ? q     ")
        #expect(footer(200).hasPrefix("b burst  a arrivals  + - cap  ] [ cap±10  m mode  w work  l lock  g GIL  k kill"))
    }

    @Test func theFooterEchoesTheLastCommandWhenThereIsRoom() {
        let footer = FooterView(isPaused: false, isHelpVisible: false, snapshotsWhilePaused: 0, commandEcho: "cap 50 → 51", styles: styles)
        #expect(footer.rendered(width: 120).lines[0].hasSuffix("» cap 50 → 51"))
        #expect(!footer.rendered(width: 80).lines[0].contains("»"))
    }

    @Test func theHeaderShowsAPendingCapAndThePausedMarker() {
        let snapshot = PoolSnapshot(elapsedNanos: 75_000_000_000, configuration: PoolConfiguration(cap: 50))
        let header = HeaderView(observation: observation(snapshot), isPaused: true, pendingCap: 53, styles: styles)
        let lines = header.rendered(width: 80, height: 2).lines
        #expect(lines[0] == "pooltop  threads  cap 50→53  busy 0/50  queued 0  in service 0 req    ❚❚ PAUSED ")
        #expect(lines[1] == "0 tasks/s  0 req/s  no workload attached                                        ")
    }

    /// An observation of two snapshots 2 s apart in which 200 requests of 500 ms finished.
    func windowedObservation(cores: Int = 4) -> PoolObservation {
        var first = PoolSnapshot(elapsedNanos: 1_000_000_000, cores: cores)
        first.requests = RequestStats(arrived: 60, completed: 0)
        var second = PoolSnapshot(elapsedNanos: 3_000_000_000, cores: cores)
        second.requestsPerSecond = 0
        second.requests = RequestStats(arrived: 250, completed: 200, latency: LatencySummary(count: 200, mean: 500_000_000))
        second.meanBlockedNanos = 9_000_000
        second.meanComputeNanos = 1_000_000
        return observation(first, second)
    }

    @Test func theTeachingLineUsesTheNumbersOfTheLastSeconds() {
        // The last sample's own rate is 0 (between bursts); the window's λ is 200 / 2 s.
        let observation = windowedObservation()
        let line = TeachingLine(snapshot: observation.snapshot, window: observation.requestWindow, styles: styles)
        #expect(line.rendered(width: 150).lines[0].hasPrefix(
            "Little L=λW over 2s: 100/s × 500ms = 50.0 (measured mean 50.0 in service)  │  Goetz N=cores×(1+W/C): 4×(1+9ms/1ms) = 40 (cap 50)"))
        #expect(line.rendered(width: 80).lines[0].hasPrefix("L=λW(2s) 100/s×500ms=50.0 (50.0 seen)  │  N 4×(1+9ms/1ms)=40 (cap 50)"))
        #expect(line.rendered(width: 60).lines[0] == "L=50.0/50.0  │  N=40/cap 50                                 ")
    }

    @Test func theTeachingLineSaysWhenNoRequestFinishedInTheWindow() {
        var quiet = windowedObservation()
        var later = quiet.snapshot
        later.elapsedNanos = 20_000_000_000
        later.meanComputeNanos = 0
        quiet.record(later)
        let line = TeachingLine(snapshot: quiet.snapshot, window: quiet.requestWindow, styles: styles)
        #expect(line.rendered(width: 150).lines[0].hasPrefix(
            "L=λW: no request finished in the last 10s  │  No CPU per task, so arrivals size the pool: N=X×S 0.0/s×9ms = 0.0 busy (cap 50)"))
    }

    @Test("Little's law is checked where it applies: while the queue builds the line says so, not two numbers that disagree")
    func littlesLawWhileTheQueueBuilds() {
        var first = PoolSnapshot(elapsedNanos: 1_000_000_000, cores: 4)
        first.requests = RequestStats(arrived: 60, completed: 0)
        var second = PoolSnapshot(elapsedNanos: 3_000_000_000, cores: 4)
        second.requests = RequestStats(arrived: 900, completed: 200, latency: LatencySummary(count: 200, mean: 500_000_000))
        second.meanBlockedNanos = 9_000_000
        second.meanComputeNanos = 1_000_000
        let building = observation(first, second)
        let text = TeachingLine(snapshot: building.snapshot, window: building.requestWindow, styles: styles).rendered(width: 200).lines[0]
        #expect(text.hasPrefix("L=λW: the queue is still building (700 in service, mean 700 over 2s): it holds once"), "\(text)")
        #expect(!text.contains("seen"))
        #expect(TeachingLine.unbalanced(predicted: 50, seen: 55) == nil, "in balance over the window: checked")
        #expect(TeachingLine.unbalanced(predicted: 300, seen: 50) == "draining")
    }

    @Test("formula line never prints ∞: for work without CPU it says what bounds the pool instead")
    func formulaLineNeverPrintsInfinity() {
        var busy = windowedObservation()
        var io = busy.snapshot
        io.meanComputeNanos = 0
        io.meanBlockedNanos = 50_000_000
        io.tasksPerSecond = 200
        busy.record(io)
        for width in [80, 120, 150] {
            let text = TeachingLine(snapshot: busy.snapshot, window: busy.requestWindow, styles: styles).rendered(width: width).lines[0]
            #expect(!text.contains("∞") && !text.contains("/0)"), "\(text)")
        }
        #expect(TeachingLine(snapshot: busy.snapshot, window: busy.requestWindow, styles: styles).rendered(width: 200).lines[0]
            .contains("No CPU per task, so arrivals size the pool: N=X×S 200/s×50ms = 10.0 busy (cap 50)"))
        // A saturated pool with a queue: the arrivals need more than the cap.
        io.totals = TaskTotals(accepted: 100, running: 50, queued: 50)
        busy.record(io)
        let full = TeachingLine(snapshot: busy.snapshot, window: busy.requestWindow, styles: styles).rendered(width: 200).lines[0]
        #expect(full.contains("No CPU per task, so arrivals size the pool: N > cap 50 (every worker busy and the queue grows)"), "\(full)")
    }
}

@Suite("The lock panel of a watched program")
struct WatchedLockPanelTests {
    @Test("no pooltop switch or counter: the program's own locks")
    func watchedProgram() {
        var state = DashboardState(width: 120, height: 40)
        _ = state.update(.snapshot(PoolSnapshot(lock: LockStats(acquisitions: 10, contended: 2, waitNanosTotal: 2_000),
                                                sourceTitle: "ThreadPoolExecutor-1:1, 16 workers")))
        let screen = state.frame().plainText
        #expect(screen.contains("the program's locks"))
        #expect(screen.contains("waits and holds of its Lock objects"))
        #expect(!screen.contains("counter 0 of 0"))
        #expect(!screen.contains("GIL off"))
    }
}

/// The limiter panel drawn alone, against literal lines.
@Suite struct LimiterPanelTests {
    let styles = DashboardStyles(theme: .monochrome)

    /// Snapshots 100 ms apart of a Vegas limiter moving from 20 to 26, with drops at the third.
    func observation() -> PoolObservation {
        var observation = PoolObservation()
        let settings = LimitSettings(algorithm: .vegas, minimum: 1, maximum: 100)
        let decision = LimitDecision(from: 20, to: 26, rule: .vegasQueue(queue: 0, alpha: 3, beta: 6, threshold: 1, noLoadNanos: 10_000_000),
                                     rttNanos: 10_000_000, inFlight: 12)
        for (index, (limit, drops)) in [(20.0, 0), (20.0, 0), (26.0, 3), (26.0, 3)].enumerated() {
            var snapshot = PoolSnapshot(elapsedNanos: UInt64(index + 1) * 100_000_000)
            snapshot.totals.running = 12
            snapshot.configuration.cap = Int(limit)
            snapshot.limiter = LimiterStatus(settings: settings, limit: limit, cap: Int(limit), rttNanos: 12_000_000,
                                             referenceRttNanos: 10_000_000, samples: 40 * (index + 1), drops: drops, changes: index >= 2 ? 1 : 0,
                                             decision: decision, lastChange: index >= 2 ? decision : nil,
                                             lastChangeNanos: index >= 2 ? 300_000_000 : nil)
            observation.record(snapshot)
        }
        return observation
    }

    @Test func theLimitInFlightAndRTTOnOneGraphWithTheRuleBelow() {
        let panel = LimiterPanel(observation: observation(), styles: styles)
        let lines = panel.rendered(width: 60, height: 8).lines
        // Four samples are two cell columns at the right edge; the drops came with the third.
        #expect(lines == [
            "╭─ limiter vegas ───────────────────────── cap 26 · 1…100 ─╮",
            "│limit 26  in flight 12  rtt 12ms  no-load 10ms  drops 3   │",
            "│                                                        ⣒▼│",
            "│                                                        ⠉⠉│",
            "│                                                        ⣶⣶│",
            "│                                           26 │ rtt 13.2ms│",
            "│RTT 10ms vs no-load 10ms: ≈ 0 queued ≤ 1: + β 6 → 26      │",
            "╰──────────────────────────────────────────────────────────╯",
        ])
    }

    @Test func nothingIsDrawnWithoutALimiter() {
        var buffer = CellBuffer(width: 30, height: 5)
        LimiterPanel(observation: PoolObservation(), styles: styles).render(in: Rect(x: 0, y: 0, width: 30, height: 5), buffer: &buffer)
        #expect(buffer.lines.allSatisfy { $0.allSatisfy { $0 == " " } })
    }
}
