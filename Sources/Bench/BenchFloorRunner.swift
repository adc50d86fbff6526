import Glibc
import PoolCore
import PoolEngine
import Synchronization

/// The machine's floor for the batch workloads (B, C): the same tasks with no pool at all. Each of
/// the workers runs a fixed share of the tasks back to back — no queue, no dispatch, no result
/// handled between two tasks — on threads, or in worker processes that get their whole share in
/// one frame and answer in one. No pool can do better on the same machine at the same moment, so
/// a pool's distance from this row is its own cost; the distance from the floor to the ideal is
/// the machine's (timer wake-ups after each sleep, preemption, other tenants).
struct BenchFloorRunner {
    /// Worker processes (`pooltop-worker`) instead of threads.
    let usesProcesses: Bool
    let parameters: BenchParameters

    /// Spawns one worker process and runs a task in it.
    /// - Returns: nil when that worked, else why the process floor cannot run here.
    func unavailability() -> String? {
        guard usesProcesses else { return nil }
        do {
            let region = try SharedRegion(origin: MonotonicClock.now())
            let child = try ChildWorker(command: .standard, region: region, iterationsPerNanosecond: CPUBurner.shared.iterationsPerNanosecond)
            defer { child.close() }
            _ = try child.run(TaskOrder(id: 1, slot: 0, lockEnabled: false))
            return nil
        } catch {
            return "cannot run a worker process: \(error)"
        }
    }

    /// Runs `workload` (B or C) once: its wall time, and on C the CPU its tasks burned.
    func measure(_ workload: BenchWorkload) throws(BenchFailure) -> BenchMeasurement {
        let (count, cpu, io): (Int, UInt64, UInt64)
        switch workload {
        case .blocking: (count, cpu, io) = (parameters.ioTasks, 0, parameters.ioNanos)
        case .cpu: (count, cpu, io) = (parameters.cpuTasks, parameters.cpuNanos, 0)
        default: throw BenchFailure("the floor has no \(workload.rawValue) workload")
        }
        let workers = max(1, parameters.workers)
        let shares = (0..<workers).map { count / workers + ($0 < count % workers ? 1 : 0) }
        let run = try FloorRun(workers: workers)
        let region: SharedRegion?
        do {
            region = usesProcesses ? try SharedRegion(origin: MonotonicClock.now()) : nil
        } catch {
            throw BenchFailure("cannot make the shared region: \(error)")
        }
        for worker in 0..<workers {
            let share = shares[worker]
            let started = ThreadLauncher.start(stackBytes: 256 * 1024) {
                if let region {
                    run.runInProcess(worker, share: share, cpuNanos: cpu, ioNanos: io, region: region)
                } else {
                    run.runOnThread(worker, share: share, cpuNanos: cpu, ioNanos: io)
                }
            }
            if !started { run.fail(worker, "the system refused a thread") }
        }
        let (seconds, cpuNanos, failure) = run.timeIt()
        if let failure { throw BenchFailure(failure) }
        return BenchMeasurement(seconds: seconds, cpuNanos: workload == .cpu ? Double(cpuNanos) : nil)
    }
}

/// One floor run: the start gate every worker waits at (so none starts before all are ready, and
/// worker processes are spawned outside the timed part), and what each worker reports.
private final class FloorRun: @unchecked Sendable {
    private let workers: Int
    private let gate: UnsafeMutablePointer<pthread_barrier_t>
    private let done: [WakeSignal]
    /// Per worker, each element written only by its worker before it signals `done` and read
    /// after: CPU burned, when it passed the gate, when it ended.
    private let cpu: UnsafeMutableBufferPointer<UInt64>
    private let began: UnsafeMutableBufferPointer<UInt64>
    private let ended: UnsafeMutableBufferPointer<UInt64>
    /// What failed, in any worker.
    private let failures = Mutex<[String]>([])

    init(workers: Int) throws(BenchFailure) {
        self.workers = workers
        gate = .allocate(capacity: 1)
        guard pthread_barrier_init(gate, nil, UInt32(workers + 1)) == 0 else {
            gate.deallocate()
            throw BenchFailure("cannot make a barrier for \(workers) threads")
        }
        done = (0..<workers).map { _ in WakeSignal() }
        cpu = .allocate(capacity: workers)
        cpu.initialize(repeating: 0)
        began = .allocate(capacity: workers)
        began.initialize(repeating: .max)
        ended = .allocate(capacity: workers)
        ended.initialize(repeating: 0)
    }

    deinit {
        pthread_barrier_destroy(gate)
        gate.deallocate()
        for buffer in [cpu, began, ended] { buffer.deallocate() }
    }

    /// Opens the gate, waits for every worker, and returns the wall time from the first worker
    /// through the gate (each notes its own: this thread may run later than they do) to the last
    /// end, the CPU burned in all, and the first failure.
    func timeIt() -> (seconds: Double, cpuNanos: UInt64, failure: String?) {
        pthread_barrier_wait(gate)
        for signal in done { signal.wait() }
        let first = began.min() ?? 0, last = ended.max() ?? first
        return (Double(last &- min(first, last)) / 1e9, cpu.reduce(0, &+), failures.withLock { $0.first })
    }

    /// A worker that could not start: it still passes the gate and reports.
    func fail(_ worker: Int, _ reason: String) {
        failures.withLock { $0.append(reason) }
        ended[worker] = MonotonicClock.now()
        _ = ThreadLauncher.start(stackBytes: 64 * 1024) { [self] in
            pthread_barrier_wait(gate)
            done[worker].signal()
        }
    }

    /// Runs the share on this thread: burns and sleeps as the engine's tasks do.
    func runOnThread(_ worker: Int, share: Int, cpuNanos: UInt64, ioNanos: UInt64) {
        let burner = CPUBurner.shared
        pthread_barrier_wait(gate)
        began[worker] = MonotonicClock.now()
        var burned: UInt64 = 0
        for task in 0..<share {
            if cpuNanos > 0 {
                burned &+= burner.burnMeasuringCPU(nanos: cpuNanos, seed: UInt64(task) &+ 1).cpuNanos
            }
            if ioNanos > 0 { MonotonicClock.sleep(until: MonotonicClock.now() &+ ioNanos) }
        }
        cpu[worker] = burned
        ended[worker] = MonotonicClock.now()
        done[worker].signal()
    }

    /// Spawns a worker process (from this thread, which outlives it), then sends it the whole share
    /// in one frame and waits for the one reply.
    func runInProcess(_ worker: Int, share: Int, cpuNanos: UInt64, ioNanos: UInt64, region: SharedRegion) {
        let child: ChildWorker
        do {
            child = try ChildWorker(command: .standard, region: region, iterationsPerNanosecond: CPUBurner.shared.iterationsPerNanosecond)
        } catch {
            failures.withLock { $0.append("cannot start a worker process: \(error)") }
            pthread_barrier_wait(gate)
            ended[worker] = MonotonicClock.now()
            done[worker].signal()
            return
        }
        let orders = (0..<share).map {
            TaskOrder(id: UInt64($0), slot: UInt16(worker), cpuNanos: cpuNanos, ioNanos: ioNanos, lockEnabled: false)
        }
        pthread_barrier_wait(gate)
        began[worker] = MonotonicClock.now()
        do {
            let reports = try child.run(orders)
            cpu[worker] = reports.reduce(0) { $0 &+ $1.computeNanos }
        } catch {
            failures.withLock { $0.append("a worker process failed: \(error)") }
        }
        ended[worker] = MonotonicClock.now()
        child.close()
        done[worker].signal()
    }
}
