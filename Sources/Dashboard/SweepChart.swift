import PoolCore
import Sizing
import TerminalUI

/// Throughput and p99 request latency against the cap, on a log₂ cap axis: the measured points
/// (`●` throughput, `◆` p99), the fitted USL curve through the throughput as a braille line, and
/// the caps under the axis with the recommended one in brackets (`[32]`).
///
/// The throughput scale is linear from 0; the p99 scale is logarithmic, because latencies across a
/// sweep span orders of magnitude.
struct SweepChart: Widget {
    /// All the caps of the sweep (the axis), including those not measured yet.
    var caps: [Int]
    var points: [SweepPoint]
    var fit: USLFit?
    var recommendedCap: Int?
    var styles: DashboardStyles

    /// Columns for the y labels left of the plots.
    static let labelWidth = 6
    /// The fewest rows the chart draws in.
    static let minimumHeight = 5

    func render(in area: Rect, buffer: inout CellBuffer) {
        guard area.width >= SweepChart.labelWidth + 10, area.height >= SweepChart.minimumHeight, let first = caps.first, let last = caps.last else { return }
        let rows = Layout.split(area, direction: .vertical, constraints: [.length(1), .fill(2), .fill(1), .length(1)])
        let plotRows = area.height - 2
        let p99Rows = max(1, plotRows / 3)
        let throughputArea = Rect(x: area.x, y: rows[1].y, width: area.width, height: plotRows - p99Rows)
        let p99Area = Rect(x: area.x, y: throughputArea.maxY, width: area.width, height: p99Rows)
        let xRange = SweepChart.log2(Double(first))...max(SweepChart.log2(Double(first)) + 1, SweepChart.log2(Double(last)))
        let plotX = area.x + SweepChart.labelWidth + 1
        let plotWidth = area.maxX - plotX
        LineComposer.draw([
            Span("tasks/s ", style: styles.title), Span("●", style: styles.highlight), Span(" measured  ", style: styles.muted),
            Span("⠒⠒", style: styles.tasksGraph), Span(" USL fit   ", style: styles.muted),
            Span("p99 ", style: styles.title), Span("◆", style: styles.requestsGraph), Span(" request latency (log)", style: styles.muted),
        ], row: 0, of: area.row(0), buffer: &buffer)
        renderThroughput(in: throughputArea, plotX: plotX, plotWidth: plotWidth, xRange: xRange, buffer: &buffer)
        renderLatency(in: p99Area, plotX: plotX, plotWidth: plotWidth, xRange: xRange, buffer: &buffer)
        renderAxis(in: Rect(x: plotX, y: area.maxY - 1, width: plotWidth, height: 1), xRange: xRange, buffer: &buffer)
    }

    // MARK: - Pieces

    private func renderThroughput(in area: Rect, plotX: Int, plotWidth: Int, xRange: ClosedRange<Double>, buffer: inout CellBuffer) {
        let plot = Rect(x: plotX, y: area.y, width: plotWidth, height: area.height)
        var curve: [BraillePlot.Point] = []
        if let fit {
            let dots = plotWidth * 2
            for dot in 0..<dots {
                let x = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double(dot) / Double(max(1, dots - 1))
                curve.append(.init(x: x, y: fit.throughput(at: SweepChart.exp2(x))))
            }
        }
        let measured = points.map { BraillePlot.Point(x: SweepChart.log2(Double($0.cap)), y: $0.tasksPerSecond) }
        let top = max(1, (measured + curve).map(\.y).max() ?? 1) * 1.05
        BraillePlot(series: [
            .init(points: curve, style: styles.tasksGraph),
            .init(points: measured, style: styles.highlight, mode: .marker("●")),
        ], xRange: xRange, yRange: 0...top).render(in: plot, buffer: &buffer)
        yLabels(top: NumberText.compact(top), bottom: "0", in: area, buffer: &buffer)
    }

    private func renderLatency(in area: Rect, plotX: Int, plotWidth: Int, xRange: ClosedRange<Double>, buffer: inout CellBuffer) {
        let plot = Rect(x: plotX, y: area.y, width: plotWidth, height: area.height)
        let latencies = points.filter { $0.latencyP99Nanos > 0 }
        guard let low = latencies.map(\.latencyP99Nanos).min(), let high = latencies.map(\.latencyP99Nanos).max() else {
            yLabels(top: "p99", bottom: "", in: area, buffer: &buffer)
            return
        }
        let measured = latencies.map { BraillePlot.Point(x: SweepChart.log2(Double($0.cap)), y: SweepChart.log2(Double($0.latencyP99Nanos))) }
        let yRange = SweepChart.log2(Double(low))...max(SweepChart.log2(Double(low)) + 0.5, SweepChart.log2(Double(high)))
        BraillePlot(series: [
            .init(points: measured, style: styles.requestsGraph),
            .init(points: measured, style: styles.requestsGraph, mode: .marker("◆")),
        ], xRange: xRange, yRange: yRange).render(in: plot, buffer: &buffer)
        yLabels(top: SweepChart.shortDuration(high), bottom: area.height > 1 ? SweepChart.shortDuration(low) : "", in: area, buffer: &buffer)
    }

    /// The top and bottom labels right-aligned left of the plot, and the axis line.
    private func yLabels(top: String, bottom: String, in area: Rect, buffer: inout CellBuffer) {
        let labels = Rect(x: area.x, y: area.y, width: SweepChart.labelWidth, height: area.height)
        Label(top, style: styles.muted, alignment: .right).render(in: labels.row(0), buffer: &buffer)
        if area.height > 1 {
            Label(bottom, style: styles.muted, alignment: .right).render(in: labels.row(area.height - 1), buffer: &buffer)
        }
        for row in 0..<area.height {
            buffer[area.x + SweepChart.labelWidth, area.y + row] = Cell(row == 0 || row == area.height - 1 ? "┤" : "│", style: styles.border)
        }
    }

    /// The caps under the plots at their places, leaving out any that would touch the previous one.
    private func renderAxis(in area: Rect, xRange: ClosedRange<Double>, buffer: inout CellBuffer) {
        buffer.write("cap", x: area.x - SweepChart.labelWidth - 1, y: area.y, style: styles.muted, clip: Rect(x: area.x - SweepChart.labelWidth - 1, y: area.y, width: SweepChart.labelWidth, height: 1))
        let probe = BraillePlot(series: [], xRange: xRange, yRange: 0...1)
        var free = area.x
        for cap in caps {
            let column = area.x + probe.dot(of: .init(x: SweepChart.log2(Double(cap)), y: 0), columns: area.width, rows: 1).x / 2
            let text = cap == recommendedCap ? "[\(cap)]" : String(cap)
            let start = min(area.maxX - text.count, max(free, column - (text.count - 1) / 2))
            guard start >= free else { continue }
            buffer.write(text, x: start, y: area.y, style: cap == recommendedCap ? styles.ok : styles.text, clip: area)
            free = start + text.count + 1
        }
    }

    /// A duration in at most six columns: two significant digits (`23ms`, `5.2s`, `180us`).
    static func shortDuration(_ nanos: UInt64) -> String {
        var scale: UInt64 = 1
        while nanos / scale >= 100 { scale *= 10 }
        let rounded = (nanos + scale / 2) / scale * scale
        return DurationText.format(nanoseconds: rounded)
    }

    /// log₂ of `value` without Foundation: the exponent by halving, the mantissa in [1, 2) by
    /// ln x = 2 atanh((x−1)/(x+1)), whose series converges within a few terms there.
    static func log2(_ value: Double) -> Double {
        var x = max(value, 1e-300), exponent = 0.0
        while x >= 2 { x /= 2; exponent += 1 }
        while x < 1 { x *= 2; exponent -= 1 }
        let y = (x - 1) / (x + 1), y2 = y * y
        var term = y, sum = 0.0
        for k in stride(from: 1, through: 29, by: 2) {
            sum += term / Double(k)
            term *= y2
        }
        return exponent + 2 * sum / 0.693_147_180_559_945_3
    }

    /// 2 to the power `value` without Foundation: whole powers by doubling, the fraction by the
    /// series of e^(f ln 2).
    static func exp2(_ value: Double) -> Double {
        let whole = value.rounded(.down)
        let fraction = value - whole
        var result = 1.0, term = 1.0
        let ln2 = 0.693_147_180_559_945_3
        for k in 1...20 {
            term *= fraction * ln2 / Double(k)
            result += term
        }
        var scale = 1.0
        if whole >= 0 { for _ in 0..<Int(whole) { scale *= 2 } } else { for _ in 0..<Int(-whole) { scale /= 2 } }
        return result * scale
    }
}
