import ArgumentParser
import Bench
import Sessions
import Glibc

/// `pooltop bench`: pooltop's engine in thread and process mode against Python's pools, side
/// by side in one run, plus the cost of watching it.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark pooltop's pool against Python's pools, side by side, and the cost of watching it.",
        discussion: """
            Runs workloads A (no-op tasks), B (blocking I/O), C (CPU), D (start and stop) and E (one round trip) \
            on pooltop's thread and process modes and on Python's ThreadPoolExecutor, ProcessPoolExecutor, \
            multiprocessing.Pool (chunksize 1 and default) and multiprocessing.dummy.Pool (bench/peers.py), \
            interleaved round by round; then the engine's throughput with a 30 fps sampler and the dashboard's \
            frame cost on a pseudo-terminal. Prints median, min and max and the ratios; asserts nothing. \
            Build with -c release.
            """,
    )

    @Option(help: "Rounds per workload (each round runs every implementation once).")
    var rounds: Int = 5

    @Flag(help: "One short round with smaller workloads: a smoke test for CI, not figures to compare.")
    var quick = false

    @Option(help: ArgumentHelp("The workloads to run, as letters: A no-op, B I/O, C CPU, D start/stop, E round trip, F queued-task memory.", valueName: "letters"))
    var workloads: String = "ABCDEF"

    @Flag(help: "Print the report as one JSON object (schema pooltop.bench/1) instead of the table.")
    var json = false

    @Option(help: "The Python interpreter that runs the peers.")
    var python: String = "python3"

    @Option(name: .customLong("peers-script"), help: "Path of the peers script (default: bench/peers.py here or above the executable).")
    var peersScript: String?

    @Flag(name: .customLong("no-peers"), help: "Run pooltop's own figures only.")
    var noPeers = false

    @Flag(name: .customLong("no-watching"), help: "Skip the cost of watching (sampler and dashboard frames).")
    var noWatching = false

    func validate() throws {
        guard BenchOptions.roundsRange.contains(rounds) else { throw ValidationError("--rounds must be 1...100, got \(rounds)") }
        do throws(BenchFailure) { _ = try options.selectedWorkloads() } catch { throw ValidationError(error.description) }
    }

    /// The options as the bench library takes them.
    private var options: BenchOptions {
        BenchOptions(rounds: rounds, quick: quick, workloads: workloads, python: noPeers ? nil : python,
                     peersScript: peersScript, measuresWatching: !noWatching)
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)  // a peer that dies early must not take pooltop with it
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let suite: BenchSuite
        do throws(BenchFailure) { suite = try options.suite { bar.show($0, detail: $1) } } catch { throw ValidationError(error.description) }
        let report = suite.run()
        bar.finish()
        print(json ? try report.jsonText() : report.text)
    }
}
