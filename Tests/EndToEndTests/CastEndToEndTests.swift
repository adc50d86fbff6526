import Foundation
import Testing

/// `--cast`: the screen kept as an asciicast v2 file that asciinema plays.
@Suite("The screen as an asciicast", .serialized)
struct CastEndToEndTests {
    @Test("dashboard --cast: the header has the terminal's size, a resize is an r event, and asciinema cat plays it")
    func castPlays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-cast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cast = folder.appendingPathComponent("demo.cast")
        let tmux = try TmuxSession(DashboardEndToEndTests.quiet + ["--cast", cast.path], width: 100, height: 30)
        #expect(tmux.waitFor("cap 50"), "the screen reaches the terminal through the relay")
        try tmux.send("+")
        #expect(tmux.waitFor("cap 51"), "keys reach ncurses through the real terminal")
        try tmux.resize(width: 110, height: 32)
        #expect(tmux.waitUntil { screen in screen.split(separator: "\n").contains { $0.hasSuffix("│") && $0.count == 110 } },
                "the dashboard redraws at the new size:\n\((try? tmux.screen()) ?? "")")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100)
        #expect(header["height"] as? Int == 30)
        let events = try lines.dropFirst().map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any]) }
        #expect(events.allSatisfy { $0.count == 3 && $0[0] is Double })
        #expect(events.contains { $0[1] as? String == "r" && $0[2] as? String == "110x32" })
        let output = events.filter { $0[1] as? String == "o" }.compactMap { $0[2] as? String }.joined()
        #expect(output.contains("cap") && output.contains("51"))

        let played = try Binary.run("asciinema", ["cat", cast.path])
        #expect(played.status == 0, "asciinema cat: \(played.error)")
        #expect(played.output.contains("pooltop"))
    }
}
