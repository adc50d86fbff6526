import ArgumentParser
import Foundation
import Sessions

/// Runs the root command and turns every way it can end into an exit status: 0 on success,
/// 2 for bad arguments (with a message naming the argument), the command's own code otherwise.
enum Entry {
    static func main() -> Never {
        do {
            var command = try Pooltop.parseAsRoot()
            try command.run()
            exit(0)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let failure as any CommandFailure {
            // A damaged file (named with its line), a program that cannot be watched, Celery unreachable.
            FileHandle.standardError.write(Data("pooltop: \(failure)\n".utf8))
            exit(failure.exitStatus)
        } catch {
            let code = Pooltop.exitCode(for: error)
            let message = Pooltop.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// The root command: the dashboard by default, and the headless tools.
struct Pooltop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pooltop",
        abstract: "A live dashboard of a real worker pool: threads vs processes vs no pool, queues, locks and latency.",
        discussion: """
            With no subcommand, opens the dashboard on the classic demo: bursts of 500 requests × 5 tasks \
            into a pool capped at 50 threads. Keys change the pool while it runs; press ? for help.
            """,
        version: BuildInfo.current.line,
        subcommands: [DashboardCommand.self, RunCommand.self, RenderCommand.self, ThemesCommand.self, SweepCommand.self, ReplayCommand.self, ExportCommand.self, WatchCommand.self, LessonCommand.self, BenchCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
