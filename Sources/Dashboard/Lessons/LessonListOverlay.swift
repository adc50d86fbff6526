import TerminalUI

/// The `L` list: every lesson found, its title and what it shows, the selected one marked;
/// Enter opens it (its scenario starts in a new pool), Esc closes the list.
struct LessonListOverlay: Widget {
    var lessons: [Lesson]
    var selected: Int
    var styles: DashboardStyles

    func render(in area: Rect, buffer: inout CellBuffer) {
        let width = min(area.width - 2, 90)
        let height = min(area.height - 2, lessons.count * 2 + 4)
        guard width > 20, height > 4 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: height)
        buffer.fill(box, with: Cell(" ", style: styles.overlay))
        guard let inner = styles.renderPanel("lessons", detail: [Span("↑↓ choose · enter opens · esc closes", style: styles.muted)],
                                             group: .overlay, in: box, buffer: &buffer) else { return }
        let perLesson = inner.height >= lessons.count * 2 ? 2 : 1
        let visible = max(1, inner.height / perLesson)
        let first = min(max(0, selected - visible + 1), max(0, lessons.count - visible))
        for (offset, lesson) in lessons.dropFirst(first).prefix(visible).enumerated() {
            let index = first + offset
            let marker = index == selected ? "▶ " : "  "
            let style = index == selected ? styles.selection : styles.text
            let row = offset * perLesson
            LineComposer.draw([Span(marker, style: styles.key), Span(lesson.name, style: style),
                               Span("  " + lesson.title + " · \(lesson.steps.count) steps", style: styles.muted)],
                              row: row, of: inner, buffer: &buffer)
            if perLesson == 2, !lesson.summary.isEmpty {
                LineComposer.draw([Span("    " + lesson.summary, style: styles.muted)], row: row + 1, of: inner, buffer: &buffer)
            }
        }
    }
}
