/// Hooks that let tests watch the pool from inside a task, independently of the pool's own counts.
///
/// Each hook is called on the worker thread; `true` on entering, `false` on leaving.
struct PoolProbe: Sendable {
    /// Around every task body (closure or simulated).
    var taskBody: (@Sendable (Bool) -> Void)?
    /// Around every slice of CPU work of a simulated task.
    var cpuSection: (@Sendable (Bool) -> Void)?

    init(taskBody: (@Sendable (Bool) -> Void)? = nil, cpuSection: (@Sendable (Bool) -> Void)? = nil) {
        self.taskBody = taskBody
        self.cpuSection = cpuSection
    }
}
