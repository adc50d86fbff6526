import ArgumentParser
import Dashboard
import Foundation
import PoolCore
import PoolEngine
import Sessions
import TerminalUI

/// `pooltop render`: one frame of the dashboard as text, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one dashboard frame as plain text (or with --ansi, with colors), without a terminal.",
        discussion: "Runs the scenario for --after first so the graphs have history. The same view code as the live screen."
    )

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var appearance: AppearanceOptions

    @Option(help: "Columns of the frame.")
    var width: Int = 120

    @Option(help: "Rows of the frame.")
    var height: Int = 40

    @Option(help: ArgumentHelp("Let the scenario run this long before the frame is taken.", valueName: "duration"),
            transform: { try Duration(parsing: $0) })
    var after: Duration = Duration(nanoseconds: 2_000_000_000)

    @Flag(help: "Include colors and attributes as ANSI escape sequences.")
    var ansi = false

    func validate() throws {
        guard (1...1000).contains(width), (1...500).contains(height) else {
            throw ValidationError("--width must be 1...1000 and --height 1...500, got \(width)×\(height)")
        }
    }

    func run() throws {
        let (themes, index) = try appearance.loadThemes { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let live = LiveSession(configuration: scenario.configuration, scenario: scenario.scenario(repeating: true))
        live.start()
        var state = DashboardState(width: width, height: height, themes: themes, themeIndex: index, availableModes: live.capabilities.modes)
        let clock = SystemClock()
        let end = clock.nowNanos + after.nanoseconds
        // Ten samples a second, so the graphs have the history they have on a live screen.
        FrameLoop(clock: clock, framesPerSecond: 10).run(frame: { now in
            _ = state.update(.snapshot(live.snapshot(latencyMaxAgeNanos: 0)))
            _ = state.update(.tick(nanos: now))
            return now < end
        }, idle: { _ in
            clock.sleep(until: min(end, clock.nowNanos + 100_000_000))
            return clock.nowNanos >= end ? .drawNow : .keepGoing
        })
        live.stop()
        let frame = state.frame()
        if ansi && !appearance.isMonochrome {
            print(frame.ansiLines(depth: .trueColor).joined(separator: "\n"))
        } else if ansi {
            print(frame.ansiLines(depth: .monochrome).joined(separator: "\n"))
        } else {
            print(frame.plainText)
        }
    }
}
