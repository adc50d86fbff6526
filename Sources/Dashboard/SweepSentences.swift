import PoolCore
import Sizing
import TerminalUI

/// The sentences under a sweep's chart, most important first: the recommendation and why,
/// Goetz's rule and why it differs, the fitted curve, and how the queueing model compared with the
/// measured waits (when the sweep's conditions give one; last, so a small overlay drops it first).
enum SweepSentences {
    /// The paragraphs for `result`, styled.
    static func paragraphs(for result: SweepResult, styles: DashboardStyles) -> [Paragraph] {
        let recommendation = result.recommendation
        let goetz = result.comparison.map { " " + $0 } ?? " It agrees with the sweep."
        var paragraphs = [
            Paragraph(spans: [Span("Recommended cap \(recommendation.cap): ", style: styles.ok), Span(recommendation.reason, style: styles.text)]),
            Paragraph(spans: [Span("Goetz: ", style: styles.title), Span(result.goetz.formula + ".", style: styles.text),
                              Span(goetz, style: styles.muted)]),
            Paragraph(spans: [Span(result.fitSummary, style: styles.muted)]),
        ]
        if let model = result.modelSummary {
            paragraphs.append(Paragraph(spans: [Span(model, style: styles.muted)]))
        }
        return paragraphs
    }
}
