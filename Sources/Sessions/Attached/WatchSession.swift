import Foundation
import Glibc
import PoolCore
import PoolEngine

/// A real Python program run under pooltop's probe, as a `PoolSource`: its pools as the probe
/// reports them over the event protocol (`pooltop.events/1`), one pool shown at a time.
///
/// The program's own output goes to a file, never to the screen. `+`/`-` resize a thread pool
/// (`ThreadPoolExecutor`, `ThreadPool`, `multiprocessing.dummy.Pool`) through the probe; `k` kills a worker process of a process pool; keys that
/// mean nothing for a real program are refused with a reason.
public final class WatchSession: PoolSource {
    /// The command as given (`python3 script.py args…`).
    public let command: [String]
    /// Where the program's stdout and stderr go.
    public let outputPath: String
    /// The program's process id.
    public let pid: pid_t
    private let listener: EventListener
    private let model: LockedValue<WatchModel>
    private let child: ReapedChild
    private let selected = LockedValue(0)
    private let figures = LockedValue(ProgramFigures())
    private let rates = LockedValue((at: UInt64(0), completed: 0, perSecond: 0.0))
    /// The selected pool's latency percentiles, computed at most every `latencyMaxAgeNanos`.
    private let latencies = LockedValue<(at: UInt64, pool: String, summaries: [LatencySummary])?>(nil)
    private let origin: UInt64

    /// Starts `command` (a Python interpreter and its arguments) under the probe found in
    /// `probeDirectory` (the folder holding `pooltop_probe`; by default `probeDirectory()`).
    /// - Throws: a `WatchError` saying what is wrong: not Python, not found, no probe, no socket or output file.
    public init(command: [String], outputPath: String, probeDirectory: String? = WatchSession.probeDirectory()) throws(WatchError) {
        guard let probeDirectory else { throw WatchError("the probe (python/pooltop_probe) was not found; set POOLTOP_PROBE_PATH") }
        guard let interpreter = command.first else { throw WatchError("say what to watch: pooltop watch -- python3 script.py") }
        let name = interpreter.split(separator: "/").last.map(String.init) ?? interpreter
        guard name.hasPrefix("python") else {
            throw WatchError("pooltop watch runs Python programs (pooltop watch -- python3 script.py); \(interpreter) is not a Python interpreter")
        }
        guard let path = Subprocess.locate(interpreter) else { throw WatchError("\(interpreter): no such program (not found on PATH)") }
        self.command = command
        self.outputPath = outputPath
        let origin = MonotonicClock.now()
        self.origin = origin
        let model = LockedValue(WatchModel(origin: origin))
        self.model = model
        let decoder = JSONDecoder()
        do throws(SubprocessError) {
            listener = try EventListener { connection, line in
                guard let event = try? decoder.decode(ProbeEvent.self, from: Data(line)) else { return }
                model.withLock { $0.receive(event, from: connection) }
            }
        } catch {
            throw WatchError("cannot open the socket the probe reports to: \(error)")
        }
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard output >= 0, input >= 0 else {
            listener.close()
            throw WatchError("cannot write the program's output to \(outputPath): \(String(cString: strerror(errno)))")
        }
        defer { Glibc.close(output); Glibc.close(input) }
        listener.exportEnvironment(probeDirectory: probeDirectory)
        do throws(SubprocessError) {
            pid = try Subprocess.spawn(path, arguments: [interpreter, "-m", "pooltop_probe"] + command.dropFirst(),
                                       stdin: input, stdout: output, fd3: -1, stderr: output)
        } catch {
            listener.close()
            throw WatchError("cannot start \(interpreter): \(error)")
        }
        child = ReapedChild(pid: pid) { ended in
            model.withLock { $0.log(MonotonicClock.now(), ended == .exited(code: 0) ? .settingChanged : .workerCrashed, "the program \(ended)") }
        }
    }

    /// How the program ended, once it has.
    public var programExit: ChildExit? { child.exit }

    /// The program's exit status as a shell gives it (128 + the signal that ended it); nil while it runs.
    public var exitStatus: Int32? {
        switch programExit {
        case .exited(let code): return code
        case .signalled(let number): return 128 + number
        case .unknown: return 1
        case nil: return nil
        }
    }

    /// What the probe has said so far.
    var modelCopy: WatchModel { model.withLock { $0 } }

    /// The pools seen so far, as the header names them.
    public var poolTitles: [String] { model.withLock { $0.pools.map(\.title) } }

    /// Shows the next pool (Tab).
    public func selectNextPool() {
        let count = model.withLock { $0.pools.count }
        selected.withLock { $0 = count == 0 ? 0 : ($0 + 1) % count }
    }

    // MARK: - PoolSource

    /// Resize (thread pools), kill a worker (process pools), reset statistics.
    public var capabilities: SourceCapabilities {
        SourceCapabilities(commands: [.resize, .killWorker, .resetStatistics], modes: [])
    }

    public func snapshot(latencyMaxAgeNanos: UInt64) -> PoolSnapshot {
        let now = MonotonicClock.now()
        let (model, index) = (self.model.withLock { $0 }, selected.withLock { $0 })
        let process = figures.withLock { $0.read(Array(model.processIDs)) }
        let ended = programExit.map { "program \($0) · q quits" }
        guard !model.pools.isEmpty else {
            return PoolSnapshot(elapsedNanos: now &- origin, cores: MonotonicClock.cores,
                                process: ProcessStats(cpuPercent: process.cpuPercent, residentBytes: process.residentBytes, threads: process.threads),
                                events: model.events, sourceTitle: "\(command.joined(separator: " ")): no pool yet", sourceStatus: ended)
        }
        let pool = model.pools[min(index, model.pools.count - 1)]
        let rate = rates.withLock { rate -> Double in
            if now &- rate.at >= 250_000_000 {
                let seconds = Double(now &- rate.at) / 1e9
                rate.perSecond = rate.at == 0 ? 0 : Double(pool.completed - rate.completed) / seconds
                rate = (now, pool.completed, rate.perSecond)
            }
            return rate.perSecond
        }
        var slots = pool.workers.map { worker -> SlotState in
            let phase: SlotPhase = worker.crashed ? .crashed : worker.exited ? .empty : worker.task == nil ? .idle : .busy
            let call = worker.task.flatMap { pool.tasks[$0]?.call } ?? 0
            return SlotState(phase: phase, requestID: call, phaseSinceNanos: worker.since &- min(worker.since, origin),
                             worker: pool.usesProcesses ? worker.id : worker.name ?? worker.id)
        }
        if slots.count < pool.maxWorkers { slots += Array(repeating: .empty, count: pool.maxWorkers - slots.count) }
        let summaries = latencies.withLock { cache -> [LatencySummary] in
            if let cache, cache.pool == pool.id, latencyMaxAgeNanos > 0, now &- cache.at < latencyMaxAgeNanos { return cache.summaries }
            let fresh = [pool.queueWaits, pool.serviceTimes, pool.requestTimes].map(WatchedPool.summary)
            cache = (now, pool.id, fresh)
            return fresh
        }
        let status = [pool.fateWarning, ended].compactMap { $0 }.joined(separator: " · ")
        let waiting = pool.tasks.values.filter { $0.startedAt == nil }.sorted { $0.submittedAt < $1.submittedAt }
        let running = pool.tasks.count - waiting.count
        let totals = TaskTotals(accepted: pool.submitted - pool.rejected, completed: pool.completed, failed: pool.failed,
                                cancelled: pool.cancelled, running: running, queued: waiting.count, rejected: pool.rejected)
        return PoolSnapshot(
            elapsedNanos: now &- origin,
            configuration: PoolConfiguration(mode: pool.usesProcesses ? .processes : .threads, cap: pool.maxWorkers,
                                             lockEnabled: model.lock.acquisitions > 0),
            cores: MonotonicClock.cores, slots: slots, liveWorkers: pool.workers.filter { !$0.exited }.count,
            peakBusy: pool.peakBusy, peakThreads: process.threads, totals: totals, peakQueueDepth: pool.peakQueue,
            queueHead: waiting.prefix(64).map { QueuedTask(tag: TaskTag(requestID: $0.call), waitedNanos: now &- min(now, $0.submittedAt)) },
            tasksPerSecond: rate, requestsPerSecond: rate, lock: model.lock,
            queueWait: summaries[0], service: summaries[1],
            requests: RequestStats(arrived: pool.submitted - pool.rejected, completed: pool.completed, failed: pool.failed + pool.cancelled,
                                   latency: summaries[2]),
            meanComputeNanos: pool.meanComputeNanos, meanBlockedNanos: pool.meanBlockedNanos,
            process: ProcessStats(cpuPercent: process.cpuPercent, residentBytes: process.residentBytes, threads: process.threads,
                                  childProcesses: max(0, model.processIDs.count - 1)),
            events: model.events,
            sourceTitle: pool.title + (model.pools.count > 1 ? " (tab: pool \(min(index, model.pools.count - 1) + 1) of \(model.pools.count))" : ""),
            sourceStatus: status.isEmpty ? nil : status)
    }

    public func perform(_ command: PoolCommand) -> CommandReply {
        let (pool, connection) = model.withLock { model in
            (model.pools.isEmpty ? nil : model.pools[min(selected.withLock { $0 }, model.pools.count - 1)], model.mainConnection)
        }
        switch command {
        case .resize(let workers):
            guard let pool else { return .refused(reason: "no pool yet: the program has not made one") }
            guard !pool.usesProcesses else {
                return .refused(reason: "a \(pool.kind)'s worker processes cannot be resized live (its thread pools can)")
            }
            guard let connection, listener.send("{\"c\":\"resize\",\"pool\":\"\(pool.id)\",\"workers\":\(workers)}", to: connection) else {
                return .refused(reason: "the program's probe is not listening")
            }
            return .accepted
        case .killWorker:
            guard let pool, pool.usesProcesses else { return .refused(reason: "k kills a worker process: this pool runs threads") }
            let alive = pool.workers.filter { !$0.exited }.compactMap { Int32($0.id) }
            guard let victim = alive.randomElement(), Glibc.kill(victim, SIGKILL) == 0 else {
                return .refused(reason: "no worker process is alive to kill")
            }
            model.withLock { $0.log(MonotonicClock.now(), .workerCrashed, "killed worker pid \(victim) (SIGKILL)") }
            return .accepted
        case .resetStatistics:
            model.withLock { model in
                for index in model.pools.indices {
                    model.pools[index].queueWaits = []
                    model.pools[index].serviceTimes = []
                    model.pools[index].requestTimes = []
                }
                model.lock = LockStats()
            }
            return .accepted
        case .switchMode: return .refused(reason: "a real program chose its pool's kind: pooltop cannot switch it")
        case .setWorkKind: return .refused(reason: "a real program's tasks do the work it wrote")
        case .setLockEnabled: return .refused(reason: "a real program's locks are in its code")
        case .setCriticalSection: return .refused(reason: "a real program's critical sections are in its code")
        case .setRejectPolicy: return .refused(reason: "a real program's queue is its executor's own")
        case .setInterpreterLockEnabled: return .refused(reason: "the real interpreter's GIL cannot be switched")
        case .setTimeScale: return .refused(reason: "a real program runs in real time")
        case .setLimiter: return .refused(reason: "an adaptive limiter moves pooltop's own pool's cap; a real program's pool resizes only when it next submits")
        case .fireBurst, .setArrivalsEnabled: return .refused(reason: "a real program submits its own tasks")
        }
    }

    public var recentEvents: [PoolEvent] { model.withLock { $0.events } }

    /// Starts or stops keeping each task's submission and run, from the probe's events.
    public func keepTaskEvents(_ keep: Bool) {
        model.withLock { $0.taskLog = keep ? ($0.taskLog ?? []) : nil }
    }

    public func takeTaskEvents() -> [TaskEvent] {
        model.withLock { model in
            defer { if model.taskLog != nil { model.taskLog = [] } }
            return model.taskLog ?? []
        }
    }

    /// Ends the program if it still runs (SIGTERM to its process group, SIGKILL after 2 s) and
    /// closes the socket.
    public func stop() {
        if programExit == nil {
            Glibc.kill(-pid, SIGTERM)
            if !child.waitForExit(until: MonotonicClock.now() &+ 2_000_000_000) { Glibc.kill(-pid, SIGKILL) }
        }
        listener.close()
    }

    /// Waits until the program has ended (or `deadline`, monotonic nanoseconds); true if it has.
    @discardableResult
    public func waitForProgram(until deadline: UInt64 = .max) -> Bool {
        child.waitForExit(until: deadline)
    }
}

extension WatchSession {
    /// The folder that holds the `pooltop_probe` package: `$POOLTOP_PROBE_PATH`, then
    /// `../share/pooltop/python` beside the binary (an install), then the source tree's `python/`
    /// (`swift run` from a clone). Nil when none has it.
    public static func probeDirectory() -> String? {
        var candidates: [String] = []
        if let custom = getenv("POOLTOP_PROBE_PATH").map({ String(cString: $0) }), !custom.isEmpty { candidates.append(custom) }
        if let installed = InstallLayout.sharedFolder("python") { candidates.append(installed) }
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("python").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/pooltop_probe/__init__.py") }
    }
}
