import ArgumentParser
import Foundation
import Sessions

/// `pooltop export FILE`: a recording as a Perfetto trace or as CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Convert a recording: --perfetto for a trace Perfetto's UI opens (every task a slice on its slot), --csv for one row per sample."
    )

    @Argument(help: ArgumentHelp("The recording (plain or .gz).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Write Chrome Trace Event JSON here.", valueName: "out.json"))
    var perfetto: String?

    @Option(help: ArgumentHelp("Write one row per sample, with run --stream's columns, here.", valueName: "out.csv"))
    var csv: String?

    func validate() throws {
        guard perfetto != nil || csv != nil else { throw ValidationError("say what to write: --perfetto OUT.json and/or --csv OUT.csv") }
    }

    func run() throws {
        let progress = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        defer { progress.finish() }
        progress.show(0, detail: "reading \(file)")
        let recording = try Recording(contentsOf: file)
        if let perfetto {
            progress.show(0.3, detail: "writing \(perfetto)")
            try PerfettoExport.write(recording, to: perfetto)
        }
        if let csv { try CSVExport.write(recording, to: csv) { progress.show(0.6 + 0.4 * $0, detail: "writing \(csv)") } }
    }
}
