import ArgumentParser
import Foundation
import PoolCore
import Sessions
import Workload

/// `pooltop run`: the scenario without a screen, then a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario headless to completion and print a summary.",
        discussion: "Prints a readable summary, or with --json one JSON object (schema pooltop.run/1); --stream prints one JSON line per sample first."
    )

    @OptionGroup var scenario: ScenarioOptions

    @Flag(help: "Print the summary as one JSON object (schema pooltop.run/1) on stdout.")
    var json = false

    @Flag(help: "Print one JSON line per sample (schema pooltop.sample/1) on stdout while running.")
    var stream = false

    @Option(name: .customLong("sample-interval"), help: ArgumentHelp("Time between samples for --stream and the progress bar.", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var sampleInterval: Duration = Duration(nanoseconds: 100_000_000)

    @Option(name: .customLong("chaos-kill"), help: ArgumentHelp("Process mode: SIGKILL random worker processes at this average rate per second during the run (fault injection).", valueName: "rate"))
    var chaosKill: Double = 0

    @Option(help: ArgumentHelp("Record the run into this file (gzip-compressed when it ends in .gz), for replay and export.", valueName: "file"))
    var record: String?

    @Option(help: ArgumentHelp("Write a Perfetto / Chrome trace of the run to this file (every task as a slice on its slot).", valueName: "file"))
    var trace: String?

    func validate() throws {
        try scenario.requireOneLimiter()
        guard sampleInterval.nanoseconds >= 1_000_000 else { throw ValidationError("--sample-interval must be at least 1ms") }
        guard chaosKill >= 0, chaosKill <= 1000, chaosKill.isFinite else { throw ValidationError("--chaos-kill must be between 0 and 1000 kills per second, got \(chaosKill)") }
        if scenario.mode == .celery, record != nil || trace != nil || chaosKill > 0 { throw ValidationError("--record, --trace and --chaos-kill run pooltop's own pool, not --mode celery") }
        if chaosKill > 0, scenario.mode != .processes { throw ValidationError("--chaos-kill kills worker processes: it needs --mode processes") }
    }

    func run() throws {
        let output = RunSampleOutput(stream: stream, progress: ProgressBar(enabled: isatty(STDERR_FILENO) == 1))
        var run = HeadlessRun(configuration: scenario.configuration, scenario: scenario.scenario(repeating: false),
                              sampleIntervalNanos: sampleInterval.nanoseconds, chaosKillsPerSecond: chaosKill)
        run.samplesWhileRunning = output.showsSamples
        let summary: RunSummary, stalled: String?
        do {
            defer { output.finish() }
            (summary, stalled) = scenario.mode == .celery
                ? CeleryRun(sampleIntervalNanos: sampleInterval.nanoseconds).run(try scenario.celerySession(repeating: false), onSample: output.show)
                : (try run.run(recordInto: record, traceInto: trace, onSample: output.show), nil)
        }
        if let stalled { FileHandle.standardError.write(Data("pooltop: \(stalled)\n".utf8)) }
        if json {
            FileHandle.standardOutput.write(try RunSampleOutput.json(summary))
        } else {
            print(summary.text)
        }
    }
}
