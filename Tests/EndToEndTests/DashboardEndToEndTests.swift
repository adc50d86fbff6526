import Foundation
import Testing

/// The real binary in tmux: keys change the pool, the screen shows it, the terminal comes back.
@Suite("Dashboard in a real terminal", .serialized)
struct DashboardEndToEndTests {
    /// A quiet pool (no burst until `b`) with long I/O tasks, so busy slots stay visible.
    static let quiet = ["--no-arrivals", "--task", "io:3s", "--requests", "20", "--burst-window", "0", "--cap", "50"]

    @Test("the header appears; + and ] change the cap on screen and in the engine; m changes the mode")
    func capAndMode() throws {
        let tmux = try TmuxSession(Self.quiet)
        #expect(tmux.waitFor("cap 50"))
        #expect(tmux.waitFor("threads"))
        try tmux.send("+")
        #expect(tmux.waitFor("cap 51"))
        try tmux.send("]")
        #expect(tmux.waitFor("cap 61"))
        #expect(tmux.waitFor("cap 51 → 61"), "the engine logs the resize it carried out")
        try tmux.send("-", "[", "[")
        #expect(tmux.waitFor("cap 40"))
        try tmux.send("m")
        #expect(tmux.waitFor("mode threads → processes"))
        try tmux.send("m")
        #expect(tmux.waitFor("mode processes → unbounded"))
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("w l g < > a r t and a mouse click: each reaches the engine or the screen and shows in the events")
    func everyOtherKey() throws {
        let tmux = try TmuxSession(Self.quiet)
        #expect(tmux.waitFor("lock on · GIL off"))
        try tmux.send("l")
        #expect(tmux.waitFor("lock OFF · GIL off"), "the engine turned the lock off (the lock panel reads the snapshot)")
        try tmux.send("g")
        #expect(tmux.waitFor("lock OFF · GIL on"), "the engine turned the GIL emulation on")
        #expect(tmux.waitFor("interpreter lock (GIL) on"), "the engine's event")
        try tmux.send("w")
        #expect(tmux.waitFor("work mixed:3s:30%"), "the workload switched from I/O to mixed work of the same cost")
        try tmux.send("<")
        #expect(tmux.waitUntil { $0.contains("time scale ×2") && $0.contains("(slower)") }, "echo and engine event")
        try tmux.send(">")
        #expect(tmux.waitFor("time scale ×1"))
        try tmux.send("a")
        #expect(tmux.waitFor("continuous arrivals on"), "the workload's event")
        try tmux.send("r")
        #expect(tmux.waitFor("statistics reset"))
        try tmux.send("t")
        #expect(tmux.waitUntil { $0.range(of: #"theme (?!default)\w"#, options: .regularExpression) != nil }, "the next theme is named")
        // A left click on the first slot (X10 mouse report: button 1 at column 1, row 3; then release).
        try tmux.sendLiteral("\u{1B}[M \"$\u{1B}[M#\"$")
        #expect(tmux.waitUntil { $0.contains("slot 0 ") }, "the slot's line shows what it runs:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("m into process mode during a burst, then k: the kill, the crash and the replacement show as they happen")
    func processModeKill() throws {
        let tmux = try TmuxSession(Self.quiet)
        #expect(tmux.waitFor("busy 0/50"))
        try tmux.send("b")
        #expect(tmux.waitFor("busy 50/50"))
        try tmux.send("m")
        #expect(tmux.waitFor("mode threads → processes"))
        #expect(tmux.waitUntil { $0.contains("processes") && $0.contains("busy 50/50") }, "process workers take over the burst")
        try tmux.send("k")
        #expect(tmux.waitFor("killed worker pid"), "the kill is in the events")
        #expect(tmux.waitFor("died"), "the crash is in the events:\n\((try? tmux.screen()) ?? "")")
        #expect(tmux.waitFor("new worker pid"), "the replacement is in the events:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("b fires a burst and busy slots appear; ? opens the help; q exits 0 with the screen restored")
    func burstHelpQuit() throws {
        let tmux = try TmuxSession(Self.quiet)
        #expect(tmux.waitFor("busy 0/50"))
        try tmux.send("b")
        #expect(tmux.waitFor("busy 50/50"))
        #expect(tmux.waitFor("burst 1: 20 requests × 5 tasks"))
        #expect(try tmux.screen().contains("█"))
        try tmux.send("?")
        #expect(tmux.waitFor("fire a burst"))
        try tmux.send("Escape")
        #expect(tmux.waitUntil { !$0.contains("fire a burst") })
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
        #expect(try tmux.pane("#{alternate_on}") == "0")
    }

    @Test("a terminal below 80×24 shows the too-small screen, and growing back restores the dashboard")
    func tooSmall() throws {
        let tmux = try TmuxSession(Self.quiet)
        #expect(tmux.waitFor("cap 50"))
        try tmux.resize(width: 60, height: 15)
        #expect(tmux.waitFor("terminal too small: need 80×24, have 60×15"))
        try tmux.resize(width: 120, height: 40)
        #expect(tmux.waitFor("cap 50"))
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("space pauses the screen with a banner while the engine runs on")
    func pause() throws {
        let tmux = try TmuxSession(Self.quiet)
        #expect(tmux.waitFor("cap 50"))
        try tmux.send("Space")
        #expect(tmux.waitFor("PAUSED"))
        try tmux.send("Space")
        #expect(tmux.waitUntil { !$0.contains("PAUSED") })
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// pooltop writes frames itself and only the cells that changed; after a stop the screen may
    /// have been wiped (the shell after Ctrl-Z), so SIGCONT makes the next frame repaint it all.
    @Test("stopped, the screen wiped under it, and continued: the whole dashboard is drawn again")
    func continueRepaints() throws {
        let tmux = try TmuxSession(Self.quiet)
        #expect(tmux.waitFor("click a slot"))
        let pid = try tmux.pid()
        #expect(kill(pid, SIGSTOP) == 0)
        let terminal = try #require(FileHandle(forWritingAtPath: try tmux.pane("#{pane_tty}")))
        terminal.write(Data("\u{1B}[H\u{1B}[2J".utf8))
        try terminal.close()
        #expect(tmux.waitUntil { !$0.contains("click a slot") && !$0.contains("slots 50") })
        #expect(kill(pid, SIGCONT) == 0)
        // The legend and the panel titles never change: only a repaint brings them back.
        #expect(tmux.waitUntil { $0.contains("click a slot") && $0.contains("slots 50") && $0.contains("latency") })
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("SIGTERM ends pooltop cleanly: exit 128+15 and the alternate screen off")
    func sigterm() throws {
        let tmux = try TmuxSession(Self.quiet)
        #expect(tmux.waitFor("cap 50"))
        #expect(kill(try tmux.pid(), SIGTERM) == 0)
        #expect(tmux.exitStatus() == 143)
        #expect(try tmux.pane("#{alternate_on}") == "0")
    }

    @Test("with NO_COLOR the screen has no color escapes, only attributes")
    func noColor() throws {
        let tmux = try TmuxSession(Self.quiet, environment: ["NO_COLOR": "1"])
        #expect(tmux.waitFor("cap 50"))
        try tmux.send("b")
        #expect(tmux.waitFor("busy 50/50"))
        let screen = try tmux.screen(escapes: true)
        let colors = Self.colorSequences(in: screen)
        #expect(colors.isEmpty, "color sequences: \(Set(colors))")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// The SGR escape sequences in `text` that set a foreground or background color.
    static func colorSequences(in text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(where: { !"0123456789;".contains($0) }) else { break }
            let codes = tail[..<end].split(separator: ";").compactMap { Int($0) }
            if tail[end] == "m", codes.contains(where: Self.isColorCode) {
                found.insert(String(tail[..<end]))
            }
            rest = tail[end...]
        }
        return found
    }

    /// SGR codes that set a color (30–38, 40–48, 90–97, 100–107); 39 and 49 only reset to the default.
    static func isColorCode(_ code: Int) -> Bool {
        (30...38).contains(code) || (40...48).contains(code) || (90...97).contains(code) || (100...107).contains(code)
    }
}
