import PoolCore
import Sizing
import TerminalUI

/// The two formulas from the live numbers: Little's law L = λW (requests in the system from
/// their rate and mean latency over the last 10 seconds, against the mean count measured over
/// the same window) and Goetz's pool size N = cores × (1 + W/C) from the measured blocking and
/// compute time per task; for work without CPU, where W/C has no bound, the size the arrivals
/// ask for instead (N = X × S, Little's law for the pool), never `∞`.
struct TeachingLine: Widget {
    var snapshot: PoolSnapshot
    /// The requests of the last seconds: λ, W and the measured L.
    var window: RequestWindow
    var styles: DashboardStyles

    func render(in area: Rect, buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, with: Cell(" ", style: styles.text))
        let little = littlesLaw()
        let goetz = poolSize()
        for variant in 0..<little.count {
            let line = little[variant] + [Span("  │  ", style: styles.muted)] + goetz[variant]
            if LineComposer.width(of: line) <= area.width || variant == little.count - 1 {
                LineComposer.draw(line, row: 0, of: area, buffer: &buffer)
                return
            }
        }
    }

    /// Little's law in three lengths, longest first, over the request window (named in the line:
    /// `over 10s`, or less while the window fills).
    private func littlesLaw() -> [[Span]] {
        let covered = window.coveredNanos
        let shown = min(covered, RequestWindow.spanNanos)
        let spanText = DurationText.format(nanoseconds: shown - shown % 100_000_000)
        guard let rate = window.rate, let meanNanos = window.meanLatencyNanos, rate > 0, meanNanos > 0, meanNanos.isFinite else {
            let none = covered == 0 ? "waits for a second sample" : "no request finished in the last \(spanText)"
            return [[Span("L=λW: ", style: styles.title), Span(none, style: styles.muted)],
                    [Span("L=λW: ", style: styles.title), Span(covered == 0 ? "-" : "none in \(spanText)", style: styles.muted)],
                    [Span("L=λW: -", style: styles.muted)]]
        }
        let predicted = SizingFormulas.littlesLaw(arrivalRate: rate, meanSeconds: meanNanos / 1e9)
        if let seen = window.meanInService, let unbalanced = Self.unbalanced(predicted: predicted, seen: seen) {
            // Arrivals and departures do not balance over the window (a burst still queueing, or
            // draining): L = λW holds for a system in balance, so the line says so instead of
            // showing two numbers that disagree.
            let now = NumberText.grouped(snapshot.requests.inService)
            return [[Span("L=λW: ", style: styles.title),
                     Span("the queue is still \(unbalanced) (\(now) in service, mean \(NumberText.fixed(seen, decimals: 0)) over \(spanText)): "
                          + "it holds once arrivals and departures balance", style: styles.muted)],
                    [Span("L=λW: ", style: styles.title), Span("queue still \(unbalanced) (\(now) in service)", style: styles.muted)],
                    [Span("L: \(unbalanced)", style: styles.muted)]]
        }
        let rateText = NumberText.fixed(rate, decimals: rate < 10 ? 1 : 0) + "/s"
        let meanText = DurationText.format(nanoseconds: UInt64(meanNanos.rounded()))
        let value = Span(NumberText.fixed(predicted, decimals: 1), style: styles.highlight)
        let measured = NumberText.fixed(window.meanInService ?? 0, decimals: 1)
        return lengths(value: value, [
            ("Little L=λW over \(spanText): ", "\(rateText) × \(meanText) = ", " (measured mean \(measured) in service)"),
            ("L=λW(\(spanText)) ", "\(rateText)×\(meanText)=", " (\(measured) seen)"),
            ("L=", "", "/\(measured)"),
        ])
    }

    /// `building` or `draining` when Little's law cannot be checked over the window: the mean
    /// number in service it saw and the λW it predicts (λ from the requests that finished) differ
    /// by more than a quarter. More in service than λW means arrivals outpace departures (the
    /// queue builds), fewer that it drains; nil when they balance and the law can be checked.
    static func unbalanced(predicted: Double, seen: Double) -> String? {
        guard predicted.isFinite, abs(predicted - seen) > 0.25 * max(predicted, seen, 1) else { return nil }
        return seen > predicted ? "building" : "draining"
    }

    /// Goetz's pool size in three lengths, longest first.
    private func poolSize() -> [[Span]] {
        let cores = snapshot.cores
        let blocked = snapshot.meanBlockedNanos, compute = snapshot.meanComputeNanos
        let cap = snapshot.configuration.cap
        let w = DurationText.format(nanoseconds: UInt64(max(0, blocked).rounded()))
        if compute <= 0, blocked > 0 {
            // No CPU per task: W/C has no bound and the cores never limit the pool; the arrivals do.
            // By Little's law the workers busy on average are the task rate X times the time per
            // task S: that many are needed, or all of them and more while the queue grows.
            let rate = snapshot.tasksPerSecond
            if snapshot.busy >= cap, snapshot.queueDepth > 0 {
                // Every worker busy and a queue: whatever X×S reads now, the arrivals need more.
                return lengths(value: Span("\(cap)", style: styles.highlight), [
                    ("No CPU per task, so arrivals size the pool: N > cap ", "", " (every worker busy and the queue grows)"),
                    ("N > cap ", "", " (queue grows)"),
                    ("N>", "", ""),
                ])
            }
            let needed = rate * blocked / 1e9
            let value = Span(NumberText.fixed(needed, decimals: 1), style: styles.highlight)
            let rateText = NumberText.fixed(rate, decimals: rate < 10 ? 1 : 0) + "/s"
            return lengths(value: value, [
                ("No CPU per task, so arrivals size the pool: N=X×S ", "\(rateText)×\(w) = ", " busy (cap \(cap))"),
                ("N=X×S ", "\(rateText)×\(w)=", " (cap \(cap))"),
                ("N=", "", "/cap \(cap)"),
            ])
        }
        guard let size = SizingFormulas.suggestedPoolSize(cores: cores, blockedNanos: blocked, computeNanos: compute) else {
            let waiting = [Span("N=cores×(1+W/C): ", style: styles.title), Span("waits for measured compute time", style: styles.muted)]
            return [waiting, [Span("N: no compute time yet", style: styles.muted)], [Span("N=-", style: styles.muted)]]
        }
        let sizeText = size >= PoolLimits.cap.upperBound ? "≥" + NumberText.grouped(size) : NumberText.grouped(size)
        let value = Span(sizeText, style: size == cap ? styles.ok : styles.highlight)
        let c = DurationText.format(nanoseconds: UInt64(max(0, compute).rounded()))
        return lengths(value: value, [
            ("Goetz N=cores×(1+W/C): ", "\(cores)×(1+\(w)/\(c)) = ", " (cap \(cap))"),
            ("N ", "\(cores)×(1+\(w)/\(c))=", " (cap \(cap))"),
            ("N=", "", "/cap \(cap)"),
        ])
    }

    /// A formula's lengths, each its name (title style), the numbers put in (left out when
    /// empty), `value` and a closing note (muted).
    private func lengths(value: Span, _ forms: [(name: String, numbers: String, note: String)]) -> [[Span]] {
        forms.map { form in
            let numbers = form.numbers.isEmpty ? [] : [Span(form.numbers, style: styles.text)]
            return [Span(form.name, style: styles.title)] + numbers + [value, Span(form.note, style: styles.muted)]
        }
    }
}
