import ArgumentParser
import PoolCore

/// `--fps` and `--cast`, shared by the screens: the dashboard and the replay.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Frames per second (1...60).")
    var fps: Int = 20

    @Option(help: ArgumentHelp("Keep the screen as an asciicast v2 file (asciinema play/cat, or a web player).", valueName: "file.cast"))
    var cast: String?

    func validate() throws {
        guard PoolLimits.fps.contains(fps) else { throw ValidationError("--fps must be between 1 and 60, got \(fps)") }
    }
}
