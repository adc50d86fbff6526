import TerminalUI

/// The lesson panel: the lesson's title and step number, what to say, the key to press or the
/// panel to watch, and what the step's check has seen — with the measured numbers once it passed,
/// or what it still waits for.
struct LessonPanelView: Widget {
    var progress: LessonProgress
    var observation: PoolObservation
    var clockNanos: UInt64
    var styles: DashboardStyles

    func render(in area: Rect, buffer: inout CellBuffer) {
        let lesson = progress.lesson
        // The step first: a long title is cut at the panel's edge, the step number never.
        let title = "step \(progress.stepIndex + 1)/\(lesson.steps.count) · " + lesson.title
        guard let inner = styles.renderPanel(title, group: .overlay, in: area, buffer: &buffer) else { return }
        var lines: [[Span]] = []
        if progress.isFinished {
            let passed = progress.outcomes.count { if case .passed = $0 { true } else { false } }
            lines += wrapped("Lesson complete: \(passed) of \(lesson.steps.count) steps seen happening.", style: styles.ok, width: inner.width)
            lines += wrapped("L opens another lesson · p goes back · q quits", style: styles.muted, width: inner.width)
        } else {
            let step = progress.step
            let action: [Span]
            if let key = step.keyName {
                action = [Span("▶ press ", style: styles.text), Span(key, style: styles.key)]
                    + (step.look.map { [Span(" · watch the \($0.rawValue)", style: styles.muted)] } ?? [])
            } else {
                action = [Span("▶ watch the \((step.look ?? .throughput).rawValue)", style: styles.text)]
            }
            let status = progress.status(observation: observation, now: clockNanos)
            let passed: Bool = { if case .passed = progress.phase { true } else { false } }()
            let statusLines = wrapped(status, style: passed ? styles.ok : styles.muted, width: inner.width)
            let next = progress.isLastStep ? "n finishes" : "n next"
            let keys = [Span(next + " · p back", style: styles.muted)]
            // What to say gets the rows the action, the status and the keys leave.
            let room = max(1, inner.height - 1 - statusLines.count - 1 - 1)
            var say = wrapped(step.say, style: styles.text, width: inner.width)
            if say.count > room {
                say = Array(say.prefix(room))
                var last = say[room - 1].first?.text ?? ""
                while !last.isEmpty, DisplayWidth.of(last) > inner.width - 1 { last.removeLast() }
                say[room - 1] = [Span(last + "…", style: styles.text)]
            }
            lines = say + (say.count < room ? [[]] : []) + [action] + statusLines + [keys]
        }
        for (row, line) in lines.prefix(inner.height).enumerated() {
            LineComposer.draw(line, row: row, of: inner, buffer: &buffer)
        }
    }

    /// `text` broken into lines of `width` columns at spaces.
    private func wrapped(_ text: String, style: Style, width: Int) -> [[Span]] {
        var lines: [[Span]] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append([Span(current, style: style)])
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append([Span(current, style: style)]) }
        return lines
    }
}
