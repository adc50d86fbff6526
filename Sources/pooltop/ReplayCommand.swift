import ArgumentParser
import Dashboard
import DashboardLoop
import Foundation
import Sessions

/// `pooltop replay FILE`: a recording on the dashboard, or one frame of it as text.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recording (--record, R) on the dashboard, or print one frame of it (--render-at).",
        discussion: KeyBindings.standard.replayCommandLineSummary
            + " A damaged file is named with its line; exit status 1 (a truncated last line is skipped, the rest plays, and the status is still 1)."
    )

    @Argument(help: ArgumentHelp("The recording (plain or .gz).", valueName: "file"))
    var file: String

    @OptionGroup var appearance: AppearanceOptions
    @OptionGroup var screen: ScreenOptions
    @OptionGroup var frame: FrameOptions

    @Option(name: .customLong("render-at"), help: ArgumentHelp("Print the frame at this moment of the recording as text, and exit.", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var renderAt: Duration?

    @Flag(help: "Start paused on the first frame (space plays).")
    var paused = false

    func run() throws {
        let recording = try Recording(contentsOf: file)
        if recording.incompleteLines > 0 { FileHandle.standardError.write(Data("pooltop: \(recording.summary)\n".utf8)) }
        if let renderAt {
            let (themes, index) = try appearance.loadThemes()
            appearance.print(try ReplayFrame.render(recording, atPosition: renderAt.nanoseconds, width: frame.width, height: frame.height,
                                                    themes: themes, themeIndex: index), ansi: frame.ansi)
        } else {
            try appearance.runDashboard(.replay(ReplaySource(recording: recording, playing: !paused)), fps: screen.fps,
                                        notice: recording.incompleteLines > 0 ? recording.summary : nil, castPath: screen.cast)
        }
        // What could be read was shown; the status still says the file is damaged.
        if recording.incompleteLines > 0 { throw ExitCode(1) }
    }
}
