import ArgumentParser
import DashboardLoop
import Foundation
import PoolCore
import Sessions

/// `pooltop replay FILE`: a recording on the dashboard, or one frame of it as text.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recording (--record, R) on the dashboard, or print one frame of it (--render-at).",
        discussion: "Keys: space play/pause, ←/→ one sample, ,/. 10 s back/on, </> speed ½×/2×, Home/End; a click on the progress bar seeks. A damaged file is named with its line; exit status 1."
    )

    @Argument(help: ArgumentHelp("The recording (plain or .gz).", valueName: "file"))
    var file: String

    @OptionGroup var appearance: AppearanceOptions
    @OptionGroup var screen: ScreenOptions

    @Option(name: .customLong("render-at"), help: ArgumentHelp("Print the frame at this moment of the recording as text, and exit.", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var renderAt: Duration?

    @Option(help: "Columns of the --render-at frame.")
    var width: Int = 120

    @Option(help: "Rows of the --render-at frame.")
    var height: Int = 40

    @Flag(help: "With --render-at: include colors as ANSI escape sequences.")
    var ansi = false

    @Flag(help: "Start paused on the first frame (space plays).")
    var paused = false

    func validate() throws {
        guard (1...1000).contains(width), (1...500).contains(height) else {
            throw ValidationError("--width must be 1...1000 and --height 1...500, got \(width)×\(height)")
        }
    }

    func run() throws {
        let recording = try Recording(contentsOf: file)
        if recording.incompleteLines > 0 { FileHandle.standardError.write(Data("pooltop: \(recording.summary)\n".utf8)) }
        guard let renderAt else {
            return try appearance.runDashboard(.replay(ReplaySource(recording: recording, playing: !paused)), fps: screen.fps,
                                               notice: recording.incompleteLines > 0 ? recording.summary : nil, castPath: screen.cast)
        }
        let (themes, index) = try appearance.loadThemes()
        appearance.print(try ReplayFrame.render(recording, atPosition: renderAt.nanoseconds, width: width, height: height,
                                                themes: themes, themeIndex: index), ansi: ansi)
    }
}
