import ArgumentParser
import Dashboard
import Foundation
import NcursesBackend
import PoolCore
import Sizing
import Sessions

/// `pooltop sweep`: one scenario at a series of caps, then a table, a chart, the USL fit and a
/// recommended cap with why, next to Goetz's rule.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario at a series of caps and recommend one: throughput and p99 per cap, the USL fit, Goetz's rule.",
        discussion: """
            Every run is a fresh pool running the scenario to its end (as `pooltop run` does); each cap is run \
            --repeats times and the median kept. The recommendation is the smallest cap within 5 % of the best \
            throughput (and, with --slo, whose p99 request latency meets it). --cap is not used: --caps sets the caps.
            """
    )

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var appearance: AppearanceOptions

    @Option(help: ArgumentHelp("The caps to measure: a list (1,2,4,8) or a range (1...128, doubling from the lower bound).", valueName: "list|range"),
            transform: { text in try Result { () throws(ParseError) in try CapSeries(parsing: text) }.orValidationError() })
    var caps: CapSeries = CapSeries(caps: [1, 2, 4, 8, 16, 32, 64, 128])

    @Option(help: "Runs per cap (1...50); the figures are the median of the runs.")
    var repeats: Int = 3

    @Option(help: ArgumentHelp("An objective for the p99 request latency: recommend only caps that meet it.", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var slo: Duration?

    @Flag(help: "Print one JSON object (schema pooltop.sweep/1) instead of the table and chart.")
    var json = false

    @Option(help: "Columns of the table and chart (default: the terminal's width, or 100 when not a terminal).")
    var width: Int?

    func validate() throws {
        guard (1...50).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 50, got \(repeats)") }
        if let width, !(60...400).contains(width) { throw ValidationError("--width must be between 60 and 400, got \(width)") }
        if scenario.mode == .unbounded || scenario.mode == .celery { throw ValidationError("--mode \(scenario.mode.rawValue) has no cap pooltop can sweep; use --mode threads") }
        if let slo, slo.nanoseconds == 0 { throw ValidationError("--slo must be above 0") }
    }

    func run() throws {
        let sweep = SweepRun(configuration: scenario.configuration, scenario: scenario.scenario(repeating: false), caps: caps.caps, repeats: repeats)
        let progress = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let found = sweep.result(objectiveNanos: slo?.nanoseconds) { progress.show($0, detail: $1) }
        progress.finish()
        guard let result = found else { throw ValidationError("--caps: nothing was measured") }
        let comparison = LimiterComparison(configuration: sweep.configuration, scenario: sweep.scenario, algorithms: scenario.limits.limiters)
        let limiterRows = comparison.run { progress.show($0, detail: $1) }
        progress.finish()
        if json {
            var report = SweepReport(result: result, scenario: sweep.scenario, configuration: sweep.configuration, repeats: repeats)
            report.limiters = limiterRows.isEmpty ? nil : limiterRows
            return print(try report.jsonText())
        }
        let (themes, index) = try appearance.loadThemes()
        let view = SweepReportView(result: result, title: sweep.title(cores: result.conditions.cores), theme: themes[index])
        appearance.print(view.rendered(width: width ?? TerminalWidth.ofStandardOutput() ?? 100),
                         ansi: appearance.color == .always || (appearance.color == .auto && isatty(STDOUT_FILENO) == 1))
        if !limiterRows.isEmpty { print(comparison.report(sweep: result, rows: limiterRows).joined(separator: "\n")) }
    }
}
