import PoolCore
import TerminalUI

/// The shared lock: how often tasks had to wait for it, how long, how long they held it, and the
/// shared counter it protects (expected vs actual, with lost updates when the lock is off); the
/// emulated interpreter lock's figures when it is on.
struct LockPanel: Widget {
    var observation: PoolObservation
    var styles: DashboardStyles

    func render(in area: Rect, buffer: inout CellBuffer) {
        let snapshot = observation.snapshot
        let configuration = snapshot.configuration
        // A watched program's locks are its own: no switch, no counter of pooltop's, a real GIL.
        let watched = !snapshot.hasRequests
        let detail = watched ? [Span("the program's locks", style: styles.muted)] : [
            Span("lock ", style: styles.muted),
            Span(configuration.lockEnabled ? "on" : "OFF", style: configuration.lockEnabled ? styles.ok : styles.warning),
            Span(" · GIL ", style: styles.muted),
            configuration.mode == .processes && configuration.interpreterLockEnabled
                ? Span("per process", style: styles.muted)
                : Span(configuration.interpreterLockEnabled ? "on" : "off", style: configuration.interpreterLockEnabled ? styles.warning : styles.muted),
        ]
        guard let inner = styles.renderPanel("lock", detail: detail, group: .contention, in: area, buffer: &buffer) else { return }
        let lock = snapshot.lock
        var lines: [[Span]] = [
            contentionLine(lock, name: "contention", width: inner.width),
            [
                Span("wait ", style: styles.muted), Span(duration(lock.meanWaitNanos), style: styles.text),
                Span(" mean  ", style: styles.muted), Span(DurationText.format(nanoseconds: lock.waitNanosMax), style: styles.text),
                Span(" max  ", style: styles.muted), Span("hold ", style: styles.muted),
                Span(duration(lock.meanHoldNanos), style: styles.text),
            ],
            watched ? [Span(lock.acquisitions == 0 ? "no threading.Lock used yet" : "waits and holds of its Lock objects",
                            style: styles.muted)] : counterLine(snapshot.counter),
        ]
        if configuration.interpreterLockEnabled {
            lines.append(interpreterLockLine(snapshot, width: inner.width))
        }
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            LineComposer.draw(line, row: offset, of: inner, buffer: &buffer)
        }
        let graphRows = inner.height - lines.count
        if graphRows > 0 {
            let graph = Rect(x: inner.x, y: inner.y + lines.count, width: inner.width, height: graphRows)
            let values = observation.history.lockContention.suffix(graph.width * 2)
            BrailleGraph(values: values, style: styles.lockGraph, mode: .area, maximum: 100).render(in: graph, buffer: &buffer)
            Label("contention %", style: styles.muted, alignment: .right).render(in: graph.row(0), buffer: &buffer)
        }
    }

    /// The emulated interpreter lock over the last 2 s in thread and unbounded mode; in process
    /// mode, why it has no figures (no interpreter lock is shared between processes).
    private func interpreterLockLine(_ snapshot: PoolSnapshot, width: Int) -> [Span] {
        guard snapshot.configuration.mode != .processes else {
            let full = "none shared: each worker process has its own interpreter lock"
            let reason = 4 + full.count <= width ? full : "each process has its own"
            return [Span("GIL ", style: styles.muted), Span(reason, style: styles.muted)]
        }
        let gil = observation.history.recentInterpreterLock(now: snapshot.interpreterLock)
        return contentionLine(gil, name: "GIL", width: width)
            + [Span("  wait ", style: styles.muted), Span(duration(gil.meanWaitNanos), style: styles.text)]
    }

    /// "contention 42.0%  waiters 3" for a lock.
    private func contentionLine(_ lock: LockStats, name: String, width: Int) -> [Span] {
        let ratio = lock.contentionRatio
        return [
            Span(name + " ", style: styles.muted),
            Span(NumberText.percent(ratio, decimals: 1), style: ratio >= 0.5 ? styles.warning : styles.text),
            Span("  waiters ", style: styles.muted),
            Span(String(lock.waiters), style: lock.waiters > 0 ? styles.warning : styles.text),
        ]
    }

    /// "counter 12,345 / 12,345  lost 0", the loss in the error style when there is any.
    private func counterLine(_ counter: CounterStats) -> [Span] {
        let lost = counter.lostUpdates
        return [
            Span("counter ", style: styles.muted),
            Span(NumberText.grouped(counter.actual), style: styles.text),
            Span(" of ", style: styles.muted),
            Span(NumberText.grouped(counter.expected), style: styles.text),
            Span("  lost ", style: styles.muted),
            Span(NumberText.grouped(lost), style: lost > 0 ? styles.error : styles.ok),
        ]
    }

    private func duration(_ nanos: Double) -> String {
        DurationText.format(nanoseconds: nanos.isFinite && nanos > 0 ? UInt64(nanos.rounded()) : 0)
    }
}
