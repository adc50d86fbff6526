import PoolCore
import TerminalUI

/// The two header rows: what the pool is and does now (mode, cap, busy, queue, requests in
/// service, elapsed, PAUSED), then the burst and the work (burst progress bar, rates, task).
struct HeaderView: Widget {
    var observation: PoolObservation
    var isPaused: Bool
    /// The cap asked for and not yet in the snapshot, shown as `cap 50→53`.
    var pendingCap: Int?
    /// The cap the last sweep recommends, shown as `cap 50 rec 32` (`rec ✓` when the pool has it).
    var recommendedCap: Int?
    /// The recording under way, shown as `● REC 0:12`.
    var recording: RecordingIndicator?
    /// The runner's clock now, to age the recording.
    var clockNanos: UInt64 = 0
    var styles: DashboardStyles

    /// The width of the burst progress bar.
    static func gaugeWidth(for width: Int) -> Int { width >= 120 ? 20 : 10 }

    /// The word before the replay's progress bar on the second row.
    private static let replayLabel = "replay "

    /// Where the replay's progress bar is in a header drawn in `area` (a click there seeks).
    static func replayBar(in area: Rect) -> Rect {
        let x = area.x + replayLabel.count
        return Rect(x: x, y: area.y + 1, width: min(gaugeWidth(for: area.width), max(0, area.maxX - x)), height: 1)
    }

    func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, with: Cell(" ", style: styles.text))
        renderStatus(in: area.row(0), buffer: &buffer)
        renderWork(in: area.row(1), buffer: &buffer)
    }

    // MARK: - Row 1: the pool now

    private func renderStatus(in row: Rect, buffer: inout CellBuffer) {
        let snapshot = observation.snapshot
        let configuration = snapshot.configuration
        var pieces: [LineComposer.Piece] = [LineComposer.Piece([Span("pooltop", style: styles.title)], priority: 10)]
        var mode = [Span(snapshot.modeLabel ?? configuration.mode.rawValue, style: styles.highlight)]
        if configuration.mode == .unbounded {
            mode.append(Span(" ceiling " + NumberText.grouped(configuration.ceiling), style: snapshot.ceilingHit ? styles.warning : styles.muted))
        }
        pieces.append(.init(mode, priority: 9))
        var cap = [Span("cap ", style: styles.muted), Span(String(configuration.cap), style: styles.highlight)]
        if let pendingCap, pendingCap != configuration.cap {
            cap.append(Span("→\(pendingCap)", style: styles.warning))
        }
        if let limiter = snapshot.limiter {
            cap.append(Span(" by " + limiter.settings.algorithm.rawValue, style: styles.ok))
        }
        if let recommendedCap {
            cap.append(Span(" rec ", style: styles.muted))
            cap.append(Span(recommendedCap == configuration.cap ? "✓" : String(recommendedCap), style: styles.ok))
        }
        pieces.append(.init(cap, priority: 9))
        let busyLimit = configuration.mode == .unbounded ? configuration.ceiling : configuration.cap
        pieces.append(.init([
            Span("busy ", style: styles.muted),
            Span("\(snapshot.busy)/\(busyLimit)", style: snapshot.busy >= busyLimit && busyLimit > 0 ? styles.warning : styles.text),
        ], priority: 8))
        pieces.append(.init([
            Span("queued ", style: styles.muted),
            Span(NumberText.grouped(snapshot.queueDepth), style: snapshot.queueDepth > 0 ? styles.warning : styles.text),
        ], priority: 8))
        if snapshot.hasRequests {
            pieces.append(.init([
                Span("in service ", style: styles.muted), Span(NumberText.grouped(snapshot.requests.inService), style: styles.text),
                Span(" req", style: styles.muted),
            ], priority: 7))
        }
        pieces.append(.init([Span(NumberText.clock(nanoseconds: snapshot.elapsedNanos), style: styles.muted)], priority: 5))
        var available = row.width
        var banners: [(text: String, style: Style)] = []
        if let playback = snapshot.playback {
            let position = DurationText.playhead(nanoseconds: playback.positionNanos)
            let duration = DurationText.playhead(nanoseconds: playback.durationNanos)
            let state = playback.isPlaying ? "▶" : "❚❚"
            banners.append((" \(state) REPLAY \(playback.name) \(position) / \(duration) \(NumberText.timeScale(playback.speed)) ", styles.banner))
        }
        if let recording {
            let started = recording.startedAtNanos ?? clockNanos
            banners.append((" ● REC \(NumberText.clock(nanoseconds: clockNanos &- min(clockNanos, started))) ", styles.error))
        }
        if isPaused { banners.append((" ❚❚ PAUSED ", styles.banner)) }
        for banner in banners.reversed() {
            let width = DisplayWidth.of(banner.text)
            guard width + 1 < available else { break }
            Label(banner.text, style: banner.style, alignment: .right)
                .render(in: Rect(x: row.x, y: row.y, width: available, height: 1), buffer: &buffer)
            available -= width + 1
        }
        let line = LineComposer.fitted(pieces, separator: Span("  "), width: available)
        LineComposer.draw(line, row: 0, of: Rect(x: row.x, y: row.y, width: max(0, available), height: 1), buffer: &buffer)
    }

    // MARK: - Row 2: the burst and the work

    private func renderWork(in row: Rect, buffer: inout CellBuffer) {
        let snapshot = observation.snapshot
        var pieces: [LineComposer.Piece] = []
        let gaugeWidth = HeaderView.gaugeWidth(for: row.width)
        var gaugeFraction: Double?
        if let playback = snapshot.playback {
            gaugeFraction = playback.fraction
            pieces.append(.init([
                Span(HeaderView.replayLabel, style: styles.muted),
                Span(String(repeating: " ", count: gaugeWidth)),
                Span(" " + NumberText.percent(playback.fraction), style: styles.text),
            ], priority: 10))
        }
        if snapshot.playback == nil, let workload = snapshot.workload {
            gaugeFraction = workload.burstProgress
            pieces.append(.init([
                Span("burst \(workload.burstsFired) ", style: styles.muted),
                Span(String(repeating: " ", count: gaugeWidth)),
                Span(" \(NumberText.grouped(workload.burstSubmitted))/\(NumberText.grouped(workload.burstSize))", style: styles.text),
            ], priority: 9))
        }
        pieces.append(.init([
            Span(NumberText.compact(snapshot.tasksPerSecond), style: styles.highlight), Span(" tasks/s", style: styles.muted),
        ], priority: 8))
        if snapshot.hasRequests {
            pieces.append(.init([
                Span(NumberText.compact(snapshot.requestsPerSecond), style: styles.highlight), Span(" req/s", style: styles.muted),
            ], priority: 8))
        }
        if let workload = snapshot.workload {
            pieces.append(.init([Span("\(workload.task) ×\(workload.fanout)", style: styles.text)], priority: 6))
            var arrivals = [Span("arrivals ", style: styles.muted), Span(workload.arrivalsEnabled ? "on" : "off", style: styles.text)]
            if workload.arrivalsEnabled, let next = workload.nextBurstInNanos {
                arrivals.append(Span(" next in " + DurationText.format(nanoseconds: next - next % 100_000_000), style: styles.muted))
            }
            pieces.append(.init(arrivals, priority: 4))
        }
        if let title = snapshot.sourceTitle {
            // A source of its own (a watched program, a Celery cluster): its name, and how it stands.
            if let status = snapshot.sourceStatus { pieces.append(.init([Span(status, style: styles.warning)], priority: 9)) }
            pieces.append(.init([Span(title, style: styles.text)], priority: snapshot.workload == nil ? 6 : 3))
        } else if snapshot.workload == nil {
            pieces.append(.init([Span("no workload attached", style: styles.muted)], priority: 4))
        }
        let scale = snapshot.configuration.timeScale
        if scale != 1 {
            pieces.append(.init([
                Span("time ", style: styles.muted),
                Span(NumberText.timeScale(scale) + (scale > 1 ? " slow" : " fast"), style: styles.warning),
            ], priority: 7))
        }
        let line = LineComposer.fitted(pieces, separator: Span("  "), width: row.width)
        LineComposer.draw(line, row: 0, of: row, buffer: &buffer)
        // The burst bar sits in the blank run reserved for it after "burst N ".
        if let gaugeFraction, let first = line.first, first.text.hasPrefix("burst ") || first.text == HeaderView.replayLabel {
            let x = row.x + first.width
            Gauge(fraction: gaugeFraction, filledStyle: styles.gaugeFilled, emptyStyle: styles.gaugeEmpty, emptyGlyph: "░")
                .render(in: Rect(x: x, y: row.y, width: min(gaugeWidth, row.maxX - x), height: 1), buffer: &buffer)
        }
    }
}
