import Dispatch
import PoolCore
import Synchronization
@testable import PoolEngine

/// Watches tasks from inside: how many run at once, the most ever, and whether any start broke a bound.
final class Observer: Sendable {
    let inside = Atomic<Int>(0)
    let peak = Atomic<Int>(0)
    /// The most tasks allowed at once right now (the test keeps it at max(old, new) during a resize).
    let allowed = Atomic<Int>(Int.max)
    let violations = Atomic<Int>(0)

    /// Call at the start of a task body.
    func enter() {
        let now = inside.add(1, ordering: .sequentiallyConsistent).newValue
        if now > allowed.load(ordering: .sequentiallyConsistent) { violations.add(1, ordering: .relaxed) }
        var seen = peak.load(ordering: .relaxed)
        while now > seen {
            let (done, current) = peak.compareExchange(expected: seen, desired: now, ordering: .relaxed)
            if done { break }
            seen = current
        }
    }

    /// Call at the end of a task body.
    func leave() { inside.subtract(1, ordering: .sequentiallyConsistent) }

    /// A probe that reports every task body to this observer.
    var probe: PoolProbe {
        PoolProbe(taskBody: { entering in entering ? self.enter() : self.leave() })
    }
}

/// A gate tasks wait at until the test opens it.
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func wait() { semaphore.wait() }
    func open(_ count: Int = 1) { for _ in 0..<count { semaphore.signal() } }
}

/// Waits (polling every millisecond, at most `seconds`) until `condition` holds.
func eventually(within seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = MonotonicClock.now() + UInt64(seconds * 1e9)
    while MonotonicClock.now() < deadline {
        if condition() { return true }
        MonotonicClock.sleep(until: MonotonicClock.now() + 1_000_000)
    }
    return condition()
}

/// A burner with a fixed rate so tests do not spend time calibrating.
let testBurner = CPUBurner.shared

/// A list of numbers tasks append to, in the order they ran.
final class RunLog: Sendable {
    private let items = LockedValue<[Int]>([])
    func append(_ value: Int) { items.withLock { $0.append(value) } }
    var values: [Int] { items.withLock { $0 } }
}
