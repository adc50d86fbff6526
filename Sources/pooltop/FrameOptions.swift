import ArgumentParser

/// `--width`, `--height` and `--ansi` of a frame printed as text (`render`, `replay --render-at`).
struct FrameOptions: ParsableArguments {
    @Option(help: "Columns of the frame.")
    var width: Int = 120

    @Option(help: "Rows of the frame.")
    var height: Int = 40

    @Flag(help: "Include colors and attributes as ANSI escape sequences.")
    var ansi = false

    func validate() throws {
        guard (1...1000).contains(width), (1...500).contains(height) else {
            throw ValidationError("--width must be 1...1000 and --height 1...500, got \(width)×\(height)")
        }
    }
}
