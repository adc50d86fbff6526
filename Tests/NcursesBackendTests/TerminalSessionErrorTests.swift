import Glibc
import Testing
@testable import NcursesBackend

struct TerminalSessionErrorTests {
    @Test func errorsPointToTheHeadlessCommand() {
        let errors: [TerminalSessionError] = [
            .notATerminal(stream: .standardOutput), .terminalTypeUnset, .unknownTerminalType("vt05x"),
        ]
        for error in errors {
            #expect(error.description.hasSuffix("For a headless run use: pooltop run"))
        }
        #expect(TerminalSessionError.terminalTypeUnset.description.contains("TERM is not set"))
        #expect(TerminalSessionError.unknownTerminalType("vt05x").description.contains("TERM=vt05x"))
    }

    /// `open` must refuse before touching the terminal when it has none; `swift test` in CI runs
    /// with standard input from a pipe or /dev/null.
    @Test(.enabled(if: isatty(STDIN_FILENO) == 0, "standard input is a terminal in this run"))
    func openRefusesWithoutATerminal() {
        #expect(throws: TerminalSessionError.notATerminal(stream: .standardInput)) {
            _ = try TerminalSession.open(colorMode: .auto)
        }
    }
}
