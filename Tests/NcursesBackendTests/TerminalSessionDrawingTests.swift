import Glibc
import Testing
import TerminalUI
@testable import NcursesBackend

/// Drawing into a file instead of a terminal, then replaying everything sent (ncurses' setup and
/// the frames) on a model terminal to see what a person would see. ncurses keeps one current
/// screen per process, hence `.serialized`.
@Suite(.serialized)
struct TerminalSessionDrawingTests {
    func makeSession(width: Int = 40, height: Int = 6, terminalType: String = "xterm-256color", colorMode: ColorMode = .auto) throws -> TerminalSession {
        try #require(TerminalSession(testingWidth: width, height: height, terminalType: terminalType, colorMode: colorMode))
    }

    /// What the terminal shows after everything `session` sent.
    func screen(of session: TerminalSession) -> ModelTerminal {
        let size = session.size
        return ModelTerminal(width: size.width, height: size.height, replaying: session.bytesSent)
    }

    private func trimmed(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }

    @Test func drawsWideAndBrailleCharacters() throws {
        let session = try makeSession()
        defer { session.close() }
        var buffer = CellBuffer(width: 40, height: 6)
        buffer.write("hello 漢字 ⣿⣀⡇ ▁▇ ✓", x: 1, y: 2)
        buffer.write("│end", x: 36, y: 5)
        session.draw(buffer)

        #expect(session.size == (40, 6))
        let screen = screen(of: session)
        #expect(trimmed(screen.line(2)) == " hello 漢字 ⣿⣀⡇ ▁▇ ✓")
        #expect(screen[7, 2].character == "漢")
        #expect(screen[9, 2].character == "字")
        #expect(screen[12, 2].character == "⣿")
        #expect(screen.line(5).hasSuffix("│end"))  // the bottom-right cell too
        #expect(screen.unknownSequences.isEmpty)
    }

    @Test func mapsStylesToAttributesAndColors() throws {
        let session = try makeSession()
        defer { session.close() }
        #expect(session.colorDepth == .palette256)
        var buffer = CellBuffer(width: 40, height: 6)
        buffer.write("hot", x: 0, y: 0, style: Style(foreground: .indexed(208), background: .indexed(236), attributes: .bold))
        buffer.write("rgb", x: 0, y: 1, style: Style(foreground: .rgb(255, 135, 0), attributes: [.underline, .italic]))
        buffer.write("rev", x: 0, y: 2, style: Style(attributes: .reverse))
        buffer.write("low", x: 5, y: 2, style: Style(foreground: .indexed(3), background: .indexed(12)))
        session.draw(buffer)

        let screen = screen(of: session)
        let hot = screen[1, 0]
        #expect(hot.character == "o" && hot.attributes == .bold)
        #expect((hot.foreground, hot.background) == (208, 236))
        let rgb = screen[0, 1]
        #expect(rgb.attributes == [.underline, .italic])
        #expect((rgb.foreground, rgb.background) == (208, -1))
        let plain = screen[0, 2]
        #expect(plain.attributes == .reverse)
        #expect((plain.foreground, plain.background) == (-1, -1))
        let low = screen[5, 2]
        #expect(low.attributes.isEmpty && (low.foreground, low.background) == (3, 12))
        #expect(screen[3, 0] == ModelTerminal.Cell())  // attributes and colors end with the text
        #expect(screen.unknownSequences.isEmpty)
    }

    @Test func monochromeKeepsAttributesOnly() throws {
        let session = try makeSession(colorMode: .never)
        defer { session.close() }
        #expect(session.colorDepth == .monochrome)
        var buffer = CellBuffer(width: 40, height: 6)
        buffer.write("hot", x: 0, y: 0, style: Style(foreground: .indexed(208), attributes: .bold))
        session.draw(buffer)
        let cell = screen(of: session)[0, 0]
        #expect(cell.character == "h" && cell.attributes == .bold)
        #expect((cell.foreground, cell.background) == (-1, -1))
    }

    @Test func laterFramesSendOnlyWhatChanged() throws {
        let session = try makeSession(width: 80, height: 24)
        defer { session.close() }
        var buffer = CellBuffer(width: 80, height: 24)
        for row in 0..<24 {
            buffer.write(String(repeating: "⣿abc▇", count: 16), x: 0, y: row, style: Style(foreground: .indexed(UInt8(row + 16))))
        }
        session.draw(buffer)
        let afterFirst = session.bytesWritten
        #expect(afterFirst > 80 * 24)
        #expect(session.cellsWrittenLastFrame == 80 * 24)

        session.draw(buffer)
        #expect(session.bytesWritten == afterFirst)
        #expect(session.cellsWrittenLastFrame == 0)

        buffer[40, 12] = Cell("X", style: Style(foreground: .indexed(196)))
        session.draw(buffer)
        let delta = session.bytesWritten - afterFirst
        #expect(delta > 0 && delta < 40)
        #expect(session.cellsWrittenLastFrame == 1)
        let screen = screen(of: session)
        #expect(screen[40, 12].character == "X")
        #expect(screen[40, 12].foreground == 196)
        #expect(screen[39, 12].character == "▇" && screen[39, 12].foreground == 28)
        #expect(screen[41, 12].character == "a" && screen[41, 12].foreground == 28)
    }

    @Test func aFrameOfAnotherSizeRepaintsEverything() throws {
        let session = try makeSession()
        defer { session.close() }
        session.draw(CellBuffer(width: 40, height: 6, filler: Cell("#")))
        var small = CellBuffer(width: 10, height: 2)
        small.write("small", x: 0, y: 0)
        session.draw(small)
        #expect(session.cellsWrittenLastFrame == 5)  // after erase, blank cells need no write
        var screen = screen(of: session)
        #expect(screen.line(0) == "small" + String(repeating: " ", count: 35))
        #expect(screen.line(4) == String(repeating: " ", count: 40))

        var large = CellBuffer(width: 60, height: 10, filler: Cell("+"))
        large.write("漢", x: 39, y: 0)  // straddles the screen's right edge
        session.draw(large)
        screen = self.screen(of: session)
        #expect(screen.line(5) == String(repeating: "+", count: 40))
        #expect(screen[39, 0].character == " ")
    }

    /// The colors are set directly, not through ncurses' color pairs, so a frame may use more
    /// combinations than the terminal has pairs (xterm: 64) and no frame has to be repainted.
    @Test func moreColorCombinationsThanPairsDrawWithoutRepainting() throws {
        let session = try makeSession(width: 64, height: 4, terminalType: "xterm")
        defer { session.close() }
        #expect(session.colorDepth == .ansi16)
        func frame(backgrounds: [[UInt8]]) -> CellBuffer {
            var buffer = CellBuffer(width: 64, height: 4)
            for (row, rowBackgrounds) in backgrounds.enumerated() {
                for (column, background) in rowBackgrounds.enumerated() {
                    buffer[column, row] = Cell("x", style: Style(foreground: .indexed(UInt8(column % 8)), background: .indexed(background)))
                }
            }
            return buffer
        }
        func expectColors(backgrounds: [[UInt8]]) {
            let screen = screen(of: session)
            for (row, rowBackgrounds) in backgrounds.enumerated() {
                for (column, background) in rowBackgrounds.enumerated() {
                    let cell = screen[column, row]
                    #expect(cell.character == "x" && cell.foreground == Int32(column % 8) && cell.background == Int32(background))
                }
            }
        }
        // All 64 foreground/background combinations of 8 colors in one frame.
        let all = (0..<4).map { row in (0..<16).map { column in UInt8((row * 2 + column / 8) % 8) } }
        session.draw(frame(backgrounds: all))
        expectColors(backgrounds: all)
        // The next frame changes half the backgrounds and writes only those cells.
        let next = all.map { row in row.enumerated().map { $0.offset.isMultiple(of: 2) ? UInt8(7) - $0.element : $0.element } }
        session.draw(frame(backgrounds: next))
        let changed = zip(all.joined(), next.joined()).filter { $0 != $1 }.count
        #expect(changed == 32 && session.cellsWrittenLastFrame == changed)
        expectColors(backgrounds: next)
    }

    /// A frame goes out in one write(2), not a write per cursor movement (over ssh that would be a
    /// packet each). A datagram socket keeps every write apart, so the count of messages is the
    /// count of writes.
    @Test func sendsAFrameInOneWrite() throws {
        var sockets: [Int32] = [-1, -1]
        try #require(socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue), 0, &sockets) == 0)
        defer { Glibc.close(sockets[1]) }
        let output = try #require(fdopen(sockets[0], "w"))
        let session = try #require(TerminalSession(testingWidth: 120, height: 40, output: output))
        defer { session.close() }
        var sent: [UInt8] = []
        func writes() -> Int {
            var count = 0
            var message = [UInt8](repeating: 0, count: 65_536)
            while true {
                let length = recv(sockets[1], &message, message.count, Int32(MSG_DONTWAIT))
                guard length > 0 else { break }
                sent += message.prefix(length)
                count += 1
            }
            return count
        }
        var buffer = CellBuffer(width: 120, height: 40)
        for row in 0..<40 { buffer.write("row \(row)", x: 2, y: row) }
        session.draw(buffer)
        _ = writes()
        // A change on every row, at both ends: 80 cursor movements.
        for row in 0..<40 {
            buffer.write("\(row * 7)", x: 9, y: row, style: Style(foreground: .indexed(2)))
            buffer.write("end", x: 110, y: row)
        }
        session.draw(buffer)
        #expect(writes() == 1)
        let screen = ModelTerminal(width: 120, height: 40, replaying: sent)
        #expect(trimmed(screen.line(39)) == "  row 39 273" + String(repeating: " ", count: 98) + "end")
        #expect(screen[9, 39].foreground == 2 && screen[110, 39].foreground == -1)
    }
}
