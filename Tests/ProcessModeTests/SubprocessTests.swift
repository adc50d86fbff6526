import Glibc
import Testing
import PoolEngine

extension ProcessSuites {
    /// The public spawn-and-reap API that worker processes and the bench start their children with.
    @Suite("Subprocess")
    struct SubprocessTests {
        @Test("run writes the input, reads the output to its end and reports the exit code")
        func runRoundTrip() throws {
            let cat = try #require(Subprocess.locate("cat"))
            // Small: `run` writes all of the input before it reads (as the bench needs), so input
            // and output together must fit the pipes' buffers for a program like cat.
            let input = Array("hello, pool\n".utf8) + [UInt8](repeating: 7, count: 20_000)
            let outcome = try Subprocess.run(cat, arguments: ["cat"], input: input)
            #expect(outcome.exitCode == 0 && outcome.signal == nil)
            #expect(outcome.output.count == input.count && outcome.output == input)
        }

        @Test("a non-zero exit code and a signal are told apart")
        func exitCodeAndSignal() throws {
            let shell = try #require(Subprocess.locate("sh"))
            let failed = try Subprocess.run(shell, arguments: ["sh", "-c", "exit 3"], input: [])
            #expect(failed.exitCode == 3 && failed.signal == nil)
            let killed = try Subprocess.run(shell, arguments: ["sh", "-c", "kill -9 $$"], input: [])
            #expect(killed.exitCode == nil && killed.signal == SIGKILL)
        }

        @Test("spawn and reap with explicit descriptors; a missing program is a SubprocessError with its errno")
        func spawnAndReap() throws {
            let pipe = try Subprocess.pipe()
            let echo = try #require(Subprocess.locate("echo"))
            let pid = try Subprocess.spawn(echo, arguments: ["echo", "fd"], stdin: STDIN_FILENO, stdout: pipe.write, fd3: -1, stderr: -1)
            close(pipe.write)
            #expect(Subprocess.readAll(from: pipe.read) == Array("fd\n".utf8))
            close(pipe.read)
            #expect(Subprocess.reap(pid, output: []) == Subprocess.Outcome(exitCode: 0, signal: nil, output: []))
            #expect(throws: SubprocessError.self) {
                try Subprocess.spawn("/nonexistent/program", arguments: ["x"], stdin: STDIN_FILENO, stdout: STDOUT_FILENO, fd3: -1, stderr: -1)
            }
            #expect(Subprocess.locate("surely-no-such-command-here") == nil)
            #expect(CPUTime.currentThreadNanos() > 0)
        }
    }
}
