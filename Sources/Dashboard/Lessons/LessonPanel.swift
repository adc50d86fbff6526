/// A panel a lesson step points at: it is highlighted while the step is on, and the lesson
/// layout shows it beside the slots and the queue.
public enum LessonPanel: String, Sendable, Hashable, CaseIterable {
    case header, slots, queue, throughput, lock, latency, system, events, formulas
}
