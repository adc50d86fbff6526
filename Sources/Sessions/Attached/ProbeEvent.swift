/// One line of the event protocol `pooltop.events/1` (python/README.md), as the probe inside a
/// watched program sends it. Every field but the kind, the time and the pid is optional: which ones
/// an event carries depends on its kind.
public struct ProbeEvent: Sendable, Hashable, Decodable {
    /// The kind: `hello`, `pool`, `wstart`, `wexit`, `submit`, `start`, `finish`, `fail`, `lock`,
    /// `lockdef`, `resized`, `refused`, `bye`.
    public var e: String
    /// CLOCK_MONOTONIC nanoseconds (Python's `time.monotonic_ns()`), the clock pooltop uses.
    public var t: UInt64
    /// The process that sent it.
    public var pid: Int32
    public var pool: String?
    public var kind: String?
    public var workers: Int?
    public var site: String?
    public var method: String?
    /// A worker's id (a thread id or a pid, as text).
    public var w: String?
    public var name: String?
    public var task: String?
    /// What a submitted task runs, and how many items a chunk holds.
    public var fn: String?
    public var n: Int?
    /// The queue depth the probe saw.
    public var q: Int?
    public var outcome: String?
    public var exc: String?
    /// `finish`: the CPU time the worker's thread spent running the task, in nanoseconds.
    public var cpu: UInt64?
    public var status: Int?
    public var reason: String?
    public var lock: String?
    public var wait: UInt64?
    public var hold: UInt64?
    /// The command a `resized` or `refused` event answers.
    public var c: String?
    public var schema: String?
    public var py: String?
    public var role: String?
    // The Celery bridge's fields (python/README.md, "The Celery bridge").
    /// A Celery node (`a@host`), its host, and whether it is `online` or `offline` (a `node`
    /// event), or the broker's state (`lost`, `back`: a `broker` event).
    public var node: String?
    public var host: String?
    public var state: String?
    /// A node's pool size, its pool implementation (`prefork`, `threads`, `solo`), and whether
    /// it autoscales.
    public var concurrency: Int?
    public var impl: String?
    public var autoscale: Bool?
    /// The shared counter's Redis key and its value (a `counter` event).
    public var key: String?
    public var actual: Int?
    /// Tasks the bridge had seen succeed just before it read the counter.
    public var done: Int?
    public var broker: String?
    public var celery: String?
    /// A Celery worker process's pid (`wstart`; the event's own `pid` is the bridge's).
    public var wpid: Int?
}
