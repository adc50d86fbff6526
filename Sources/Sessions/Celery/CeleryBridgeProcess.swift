import Foundation
import Glibc
import PoolCore
import PoolEngine

/// The Celery bridge as a process: `python -m pooltop_probe.celery_bridge --broker URL`, its
/// output in a log file, reaped on a thread of its own as soon as it ends.
///
/// What the bridge reports goes to the session's listener; this type only starts the process,
/// says whether and how it ended, and ends it.
final class CeleryBridgeProcess: Sendable {
    /// Where the bridge's own output goes.
    let logPath: String
    private let child: ReapedChild

    /// Starts the bridge with `python` (found at `interpreter`) for `broker`; `watchOnly` makes it
    /// send nothing. `onExit` runs on the reaping thread once the bridge has ended.
    /// - Throws: when the process cannot be started.
    init(interpreter: String, python: String, broker: String, watchOnly: Bool,
         onExit: @escaping @Sendable (ChildExit) -> Void) throws(CeleryError) {
        logPath = NSTemporaryDirectory() + "pooltop-celery-bridge-\(getpid()).log"
        let log = open(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { if log >= 0 { Glibc.close(log) }; if input >= 0 { Glibc.close(input) } }
        let pid: pid_t
        do throws(SubprocessError) {
            pid = try Subprocess.spawn(interpreter, arguments: [python, "-m", "pooltop_probe.celery_bridge", "--broker", broker]
                                       + (watchOnly ? ["--watch"] : []),
                                       stdin: input, stdout: max(log, STDERR_FILENO), fd3: -1, stderr: max(log, STDERR_FILENO))
        } catch {
            throw CeleryError(status: 1, "cannot start the Celery bridge: \(error)")
        }
        child = ReapedChild(pid: pid, onExit: onExit)
    }

    /// How the bridge ended, once it has.
    var exit: ChildExit? { child.exit }

    /// Waits until the bridge has ended, at most `timeoutNanos`, then SIGKILLs it if it has not.
    func waitForExit(killingAfter timeoutNanos: UInt64) {
        if !child.waitForExit(until: MonotonicClock.now() &+ timeoutNanos) { Glibc.kill(child.pid, SIGKILL) }
    }

    /// The last line of the bridge's log that is not blank: why it ended, when it ended early.
    var lastLogLine: String? {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init)
    }

    /// Throws, saying what to install, when `python` cannot import Celery and redis-py.
    static func checkCelery(_ python: String) throws(CeleryError) {
        let probe = "try:\n import celery, redis\nexcept ImportError as error:\n print('missing', error.name)\nelse:\n print('ok', celery.__version__)"
        let outcome: Subprocess.Outcome
        do throws(SubprocessError) {
            outcome = try Subprocess.run(python, arguments: [python, "-c", probe], input: [])
        } catch {
            throw CeleryError(status: 1, "cannot run \(python) to look for Celery: \(error)")
        }
        let answer = String(decoding: outcome.output, as: UTF8.self)
        guard answer.hasPrefix("ok") else {
            let missing = answer.split(separator: " ").dropFirst().first.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "celery"
            throw CeleryError(status: 1, "--mode celery needs Celery with Redis support for \(python) (\(missing) is missing): "
                              + "\(python) -m pip install 'celery[redis]'")
        }
    }
}
