import PoolCore
import CPoolSupport
import Glibc
import Synchronization

extension ChildWorker {
    /// How long a child gets to exit on its own after its pipes closed, before SIGKILL.
    public static let exitGraceNanos: UInt64 = 2_000_000_000

    /// How the child ended, if it has been reaped (any thread).
    public var exit: ChildExit? { life.withLock { $0 } }

    /// Sends `signal` to the child unless it has been reaped (any thread). Returns whether sent.
    @discardableResult
    public func kill(_ signal: Int32) -> Bool {
        life.withLock { exit in exit == nil && Glibc.kill(pid, signal) == 0 }
    }

    /// Reaps the child if it has ended, without blocking (any thread); nil while it runs. After it
    /// returns an exit, `run` throws `.died` at once, so a pool can notice an idle child's death.
    @discardableResult
    public func pollExit() -> ChildExit? {
        Self.reap(pid: pid, life: life, blocking: false)
    }

    /// Closes the child's stdin, so it exits after its current task at end of input, and reaps it;
    /// after `grace` nanoseconds it is SIGKILLed (owner thread). Returns how it ended.
    @discardableResult
    public func close(grace: UInt64 = ChildWorker.exitGraceNanos) -> ChildExit {
        closeInput()
        return reapClosing(grace: grace)
    }

    /// Sends SIGTERM, waits up to `grace` nanoseconds for the child to end, then sends SIGKILL;
    /// always reaps it (owner thread). Returns how it ended.
    @discardableResult
    public func terminate(grace: UInt64 = ChildWorker.exitGraceNanos) -> ChildExit {
        kill(SIGTERM)
        return reapClosing(grace: grace)
    }

    /// Waits up to `grace` nanoseconds for the child to end, SIGKILLs it if it has not, reaps it
    /// and closes the pipes. Returns how it ended.
    private func reapClosing(grace: UInt64) -> ChildExit {
        let exit = Self.awaitExit(pid: pid, life: life, until: MonotonicClock.now() &+ grace)
            ?? Self.forceEnd(pid: pid, life: life)
        closePipes()
        return exit
    }

    // MARK: - After a failure

    /// The child's pipe closed: reap it (SIGKILL if it lingers), close the pipes, say how it died.
    func childDied() -> ChildWorkerError {
        .died(pid: pid, exit: reapClosing(grace: Self.exitGraceNanos))
    }

    /// The child sent nonsense: kill and reap it, close the pipes.
    func brokeProtocol(_ reason: String) -> ChildWorkerError {
        _ = Self.forceEnd(pid: pid, life: life)
        closePipes()
        return .protocolViolation(pid: pid, reason: reason)
    }

    /// Closes the write end of the child's stdin (it sees end of input).
    func closeInput() {
        if input >= 0 { Glibc.close(input) }
        input = -1
    }

    /// Closes every descriptor in `descriptors` that is open (not negative).
    static func closeAll(_ descriptors: [Int32]) {
        for descriptor in descriptors where descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Closes both pipe ends that are still open.
    func closePipes() {
        closeInput()
        if output >= 0 { Glibc.close(output) }
        output = -1
    }

    // MARK: - Reaping (static: also used before `init` has finished)

    /// SIGKILLs the child unless it was reaped, then reaps it. Returns how it ended.
    static func forceEnd(pid: Int32, life: LockedValue<ChildExit?>) -> ChildExit {
        life.withLock { exit in
            if exit == nil { _ = Glibc.kill(pid, SIGKILL) }
        }
        return reap(pid: pid, life: life, blocking: true) ?? .unknown
    }

    /// Polls for the child's end until `deadline` (backing off from 50 µs to 2 ms).
    static func awaitExit(pid: Int32, life: LockedValue<ChildExit?>, until deadline: UInt64) -> ChildExit? {
        var pause: UInt64 = 50_000
        while true {
            if let exit = reap(pid: pid, life: life, blocking: false) { return exit }
            let now = MonotonicClock.now()
            guard now < deadline else { return nil }
            MonotonicClock.sleep(until: min(deadline, now &+ pause))
            pause = min(pause * 2, 2_000_000)
        }
    }

    /// Reaps the child, holding `life` while waitpid runs so that `kill` never races a reap.
    /// Blocking, it first waits *without* reaping (waitid WNOWAIT) outside the lock, so `kill` and
    /// `exit` from other threads are not held up meanwhile. Returns nil if it still runs.
    static func reap(pid: Int32, life: LockedValue<ChildExit?>, blocking: Bool) -> ChildExit? {
        if blocking, life.withLock({ $0 }) == nil { _ = pooltop_wait_ended_nowait(pid) }
        return life.withLock { exit in
            guard exit == nil else { return exit }
            var status: Int32 = 0
            var rc: pid_t
            repeat { rc = waitpid(pid, &status, blocking ? 0 : WNOHANG) } while rc < 0 && errno == EINTR
            if rc == pid {
                exit = ChildExit(waitStatus: status)
            } else if rc < 0 {
                exit = .unknown  // ECHILD: reaped by someone else
            }
            return exit
        }
    }
}
