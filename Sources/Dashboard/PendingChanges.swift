import PoolCore

/// Settings the dashboard asked the engine for that the snapshots do not show yet.
///
/// A key that changes a setting starts from the pending value when there is one, so three quick
/// presses of `+` give +3 even though the next snapshot still shows the old cap. A pending value
/// is forgotten as soon as a snapshot shows it, or after `timeoutNanos` of engine time when the
/// engine did something else with it.
struct PendingChanges: Sendable, Equatable {
    /// How long, in engine nanoseconds, a pending value waits to show up in a snapshot.
    static let timeoutNanos: UInt64 = 2_000_000_000

    /// One value asked for, and when.
    struct Entry<Value: Equatable & Sendable>: Equatable, Sendable {
        var value: Value
        var issuedAtNanos: UInt64
    }

    var cap: Entry<Int>?
    var mode: Entry<PoolMode>?
    var workKind: Entry<WorkKind>?
    var lockEnabled: Entry<Bool>?
    var interpreterLockEnabled: Entry<Bool>?
    var timeScale: Entry<Double>?
    var arrivalsEnabled: Entry<Bool>?
    var limiter: Entry<LimitAlgorithm>?

    /// Forgets every pending value that `snapshot` shows, or that has waited too long.
    mutating func reconcile(with snapshot: PoolSnapshot) {
        let now = snapshot.elapsedNanos
        let configuration = snapshot.configuration
        PendingChanges.settle(&cap, shown: configuration.cap, now: now)
        PendingChanges.settle(&mode, shown: configuration.mode, now: now)
        PendingChanges.settle(&lockEnabled, shown: configuration.lockEnabled, now: now)
        PendingChanges.settle(&interpreterLockEnabled, shown: configuration.interpreterLockEnabled, now: now)
        PendingChanges.settle(&timeScale, shown: configuration.timeScale, now: now)
        PendingChanges.settle(&workKind, shown: snapshot.workload?.task.kind, now: now)
        PendingChanges.settle(&arrivalsEnabled, shown: snapshot.workload?.arrivalsEnabled, now: now)
        PendingChanges.settle(&limiter, shown: snapshot.limiter?.settings.algorithm ?? .fixed, now: now)
    }

    private static func settle<Value>(_ entry: inout Entry<Value>?, shown: Value?, now: UInt64) {
        guard let pending = entry else { return }
        if shown == pending.value || now >= pending.issuedAtNanos &+ timeoutNanos {
            entry = nil
        }
    }
}
