import ArgumentParser
import DashboardLoop
import Foundation
import Sessions

/// `pooltop watch -- python3 script.py args…`: a real Python program's pools, through the probe.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run a Python program under pooltop's probe and show its real pools (ThreadPoolExecutor, ProcessPoolExecutor, multiprocessing.Pool, ThreadPool).",
        discussion: "The program's output goes to --program-output. With --json, no screen: one JSON object (schema pooltop.watch/1) when the program ends; the exit status is the program's."
    )

    @OptionGroup var appearance: AppearanceOptions
    @OptionGroup var screen: ScreenOptions

    @Flag(help: "No screen: wait for the program, then print a summary as JSON (schema pooltop.watch/1).")
    var json = false

    @Option(name: .customLong("program-output"), help: ArgumentHelp("Where the program's stdout and stderr go (default: a temporary file).", valueName: "file"))
    var programOutput: String?

    @Flag(name: .customLong("exit-with-program"), help: "Leave when the program ends, instead of keeping its last frame until q.")
    var exitWithProgram = false

    @Option(help: ArgumentHelp("Watch the Celery app whose workers use this Redis broker (their own tasks; + and - resize their pools) instead of a program.", valueName: "redis://host:port/db"))
    var celery: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The program: -- python3 script.py args…", valueName: "command"))
    var command: [String] = []

    func validate() throws {
        if ["--help", "-h"].contains(command.first) { throw CleanExit.helpRequest(self) }  // the passthrough takes it otherwise
        if celery != nil, json || !command.isEmpty { throw ValidationError("--celery watches a Celery app: give it no program and no --json") }
    }

    func run() throws {
        if let celery { return try appearance.runDashboard(.celery(try CelerySession(watching: celery)), fps: screen.fps, castPath: screen.cast) }
        let program = command.first == "--" ? Array(command.dropFirst()) : command
        let session = try WatchSession(command: program, outputPath: programOutput ?? NSTemporaryDirectory() + "pooltop-watch-\(getpid()).out")
        if json {
            print(try WatchSummary(waitingFor: session).jsonText())
        } else {
            try appearance.runDashboard(.watched(session, exitWithProgram: exitWithProgram), fps: screen.fps,
                                        notice: "the program's output goes to \(session.outputPath)", castPath: screen.cast)
        }
        if let status = session.exitStatus, status != 0 { throw ExitCode(status) }
    }
}
