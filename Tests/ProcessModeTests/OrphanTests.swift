import Foundation
import Glibc
import Testing
@testable import PoolEngine

extension ProcessSuites {
    /// pooltop itself killed with SIGKILL: its worker processes notice and go.
    @Suite("No orphans")
    struct OrphanTests {
        @Test("after pooltop is SIGKILLed mid-run, every worker process is gone within a second or two")
        func workersDieWithPooltop() throws {
            let pooltop = WorkerBinary.pooltop
            try #require(access(pooltop, X_OK) == 0, "needs the pooltop binary at \(pooltop)")
            let arguments = [pooltop, "run", "--mode", "processes", "--cap", "4", "--requests", "8", "--fanout", "1",
                             "--task", "io:30s", "--burst-window", "0"]
            let pid = try Self.spawn(arguments)
            let deadline = MonotonicClock.now() &+ 20_000_000_000
            var workers: Set<Int32> = []
            while workers.count < 4, MonotonicClock.now() < deadline {
                workers = Self.children(of: pid)
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 10_000_000)
            }
            #expect(workers.count == 4, "workers seen: \(workers)")
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let gone = MonotonicClock.now() &+ 2_000_000_000
            while !workers.allSatisfy(Self.isGone), MonotonicClock.now() < gone {
                MonotonicClock.sleep(until: MonotonicClock.now() &+ 10_000_000)
            }
            #expect(workers.allSatisfy(Self.isGone), "orphans: \(workers.filter { !Self.isGone($0) })")
        }

        /// Starts `arguments` with stdin, stdout and stderr on /dev/null and a clean signal mask.
        static func spawn(_ arguments: [String]) throws -> Int32 {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            for fd in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var empty = sigset_t()
            sigemptyset(&empty)
            posix_spawnattr_setsigmask(&attributes, &empty)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
            let argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let rc = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
            try #require(rc == 0, "posix_spawn: \(rc)")
            return pid
        }

        /// The children of `pid`, from every one of its threads' `children` lists.
        static func children(of pid: Int32) -> Set<Int32> {
            guard let directory = opendir("/proc/\(pid)/task") else { return [] }
            defer { closedir(directory) }
            var found: Set<Int32> = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard Int32(name) != nil, let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(name)/children", encoding: .utf8) else { continue }
                found.formUnion(text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
            }
            return found
        }

        /// True when `pid` no longer runs (gone, or a zombie waiting for its new parent to reap it).
        static func isGone(_ pid: Int32) -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return true }
            return stat[stat.index(close, offsetBy: 2)] == "Z"
        }
    }
}
