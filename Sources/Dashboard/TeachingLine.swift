import PoolCore
import TerminalUI

/// The two formulas from the live numbers: Little's law L = λW (requests in the system from
/// their rate and mean latency, against the measured count) and Goetz's pool size
/// N = cores × (1 + W/C) from the measured blocking and compute time per task.
struct TeachingLine: Widget {
    var snapshot: PoolSnapshot
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

    /// Little's law in three lengths, longest first.
    private func littlesLaw() -> [[Span]] {
        let rate = snapshot.requestsPerSecond
        let meanNanos = snapshot.requests.latency.mean
        let measured = snapshot.requests.inService
        guard rate > 0, meanNanos > 0, meanNanos.isFinite else {
            let waiting = [Span("L=λW: ", style: styles.title), Span("waits for finished requests", style: styles.muted)]
            return [waiting, waiting, [Span("L=λW: -", style: styles.muted)]]
        }
        let seconds = meanNanos / 1e9
        let predicted = SizingFormulas.littlesLaw(arrivalRate: rate, meanSeconds: seconds)
        let rateText = NumberText.fixed(rate, decimals: rate < 10 ? 1 : 0) + "/s"
        let meanText = DurationText.format(nanoseconds: UInt64(meanNanos.rounded()))
        let predictedText = NumberText.fixed(predicted, decimals: 1)
        let value = Span(predictedText, style: styles.highlight)
        let measuredText = NumberText.grouped(measured)
        return [
            [Span("Little L=λW: ", style: styles.title), Span("\(rateText) × \(meanText) = ", style: styles.text), value,
             Span(" (measured \(measuredText) in service)", style: styles.muted)],
            [Span("L=λW ", style: styles.title), Span("\(rateText)×\(meanText)=", style: styles.text), value,
             Span(" (\(measuredText) now)", style: styles.muted)],
            [Span("L=", style: styles.title), value, Span("/\(measuredText)", style: styles.muted)],
        ]
    }

    /// Goetz's pool size in three lengths, longest first.
    private func poolSize() -> [[Span]] {
        let cores = snapshot.cores
        let blocked = snapshot.meanBlockedNanos, compute = snapshot.meanComputeNanos
        let cap = snapshot.configuration.cap
        guard let size = SizingFormulas.suggestedPoolSize(cores: cores, blockedNanos: blocked, computeNanos: compute) else {
            let waiting = [Span("N=cores×(1+W/C): ", style: styles.title), Span("waits for measured compute time", style: styles.muted)]
            return [waiting, [Span("N: no compute time yet", style: styles.muted)], [Span("N=-", style: styles.muted)]]
        }
        let sizeText = size >= PoolConfiguration.capLimit.upperBound ? "≥" + NumberText.grouped(size) : NumberText.grouped(size)
        let value = Span(sizeText, style: size == cap ? styles.ok : styles.highlight)
        let w = DurationText.format(nanoseconds: UInt64(max(0, blocked).rounded()))
        let c = DurationText.format(nanoseconds: UInt64(max(0, compute).rounded()))
        return [
            [Span("Goetz N=cores×(1+W/C): ", style: styles.title), Span("\(cores)×(1+\(w)/\(c)) = ", style: styles.text), value,
             Span(" (cap \(cap))", style: styles.muted)],
            [Span("N ", style: styles.title), Span("\(cores)×(1+\(w)/\(c))=", style: styles.text), value,
             Span(" (cap \(cap))", style: styles.muted)],
            [Span("N=", style: styles.title), value, Span("/cap \(cap)", style: styles.muted)],
        ]
    }
}
