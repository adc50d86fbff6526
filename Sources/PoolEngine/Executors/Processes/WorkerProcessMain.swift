import CPoolSupport
import Glibc

/// The entry of a worker process (`pooltop worker …`): no Foundation, so it starts fast.
///
/// It asks to be SIGKILLed when its parent dies, maps the shared region it inherited as fd 3,
/// announces itself with `.ready`, then answers task and batch frames from stdin with result
/// frames on stdout (write(2), never stdio buffering) until stdin ends.
public enum WorkerProcessMain {
    /// The shared region's descriptor in a worker.
    static let regionDescriptor: Int32 = 3

    /// Runs the worker; returns its exit status: 0 after end of input, 1 when the parent is
    /// already gone, 2 for bad arguments, 3 when the shared region cannot be mapped, 4 for a pipe
    /// or protocol failure.
    /// - Parameter arguments: the worker's arguments (`WorkerArguments`), without the program name
    ///   or the subcommand.
    public static func run(arguments: [String]) -> Int32 {
        guard let options = WorkerArguments(parsing: arguments) else { return complain(WorkerArguments.usage, status: 2) }
        guard pooltop_die_with_parent(options.parentPID) == 0 else { return 1 }
        pooltop_use_fine_timer_slack()
        let region: SharedRegion
        do {
            region = try SharedRegion(mapping: regionDescriptor)
        } catch {
            return complain("worker: \(error)", status: 3)
        }
        let runner = WorkerTaskRunner(region: region, burner: CPUBurner(iterationsPerNanosecond: options.iterationsPerNanosecond, clockReadNanos: options.clockReadNanos))
        var writer = FrameWriter(fileDescriptor: STDOUT_FILENO)
        let reader = FrameReader(fileDescriptor: STDIN_FILENO, chunkSize: 16 * 1024)
        do {
            let startup = MonotonicClock.now() &- options.spawnedAt
            try writer.send(.ready(pid: getpid(), startupNanos: startup))
            while let message = try reader.next() {
                switch message {
                case .task(let order):
                    try writer.send(.result(runner.runUnlessHeld(order)))
                case .batch(let orders):
                    try writer.send(.results(orders.map(runner.run)))
                case .ignoreTermination:
                    signal(SIGTERM, SIG_IGN)
                case .ready, .result, .results:
                    return complain("worker: unexpected \(message.kind) frame from the parent", status: 4)
                }
            }
            return 0
        } catch {
            return complain("worker: \(error)", status: 4)
        }
    }

    /// Writes `message` to stderr (the parent sends it to /dev/null unless told otherwise).
    private static func complain(_ message: String, status: Int32) -> Int32 {
        let line = Array((message + "\n").utf8)
        _ = try? FrameWriter.writeAll(line, to: STDERR_FILENO)
        return status
    }
}
