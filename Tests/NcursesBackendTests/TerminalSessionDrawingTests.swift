import Glibc
import Testing
import TerminalUI
@testable import NcursesBackend

/// Drawing through ncurses into a file instead of a terminal, reading the result back from
/// ncurses' own screen. ncurses keeps one current screen per process, hence `.serialized`.
@Suite(.serialized)
struct TerminalSessionDrawingTests {
    private func makeSession(width: Int = 40, height: Int = 6, terminalType: String = "xterm-256color", colorMode: ColorMode = .auto) throws -> TerminalSession {
        try #require(TerminalSession(testingWidth: width, height: height, terminalType: terminalType, colorMode: colorMode))
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
        #expect(trimmed(session.screenLine(2)) == " hello 漢字 ⣿⣀⡇ ▁▇ ✓")
        #expect(session.screenCell(column: 7, row: 2)?.character == "漢")
        #expect(session.screenCell(column: 9, row: 2)?.character == "字")
        #expect(session.screenCell(column: 12, row: 2)?.character == "⣿")
        #expect(session.screenLine(5).hasSuffix("│end"))  // the bottom-right cell too
    }

    @Test func mapsStylesToAttributesAndPairs() throws {
        let session = try makeSession()
        defer { session.close() }
        #expect(session.colorDepth == .palette256)
        var buffer = CellBuffer(width: 40, height: 6)
        buffer.write("hot", x: 0, y: 0, style: Style(foreground: .indexed(208), background: .indexed(236), attributes: .bold))
        buffer.write("rgb", x: 0, y: 1, style: Style(foreground: .rgb(255, 135, 0), attributes: [.underline, .italic]))
        buffer.write("rev", x: 0, y: 2, style: Style(attributes: .reverse))
        session.draw(buffer)

        let hot = try #require(session.screenCell(column: 1, row: 0))
        #expect(hot.attributes == .bold)
        #expect((hot.foreground, hot.background) == (208, 236))
        let rgb = try #require(session.screenCell(column: 0, row: 1))
        #expect(rgb.attributes == [.underline, .italic])
        #expect((rgb.foreground, rgb.background) == (208, -1))
        #expect(rgb.pair == hot.pair + 1)
        let plain = try #require(session.screenCell(column: 0, row: 2))
        #expect(plain.attributes == .reverse)
        #expect(plain.pair == 0)
    }

    @Test func monochromeKeepsAttributesOnly() throws {
        let session = try makeSession(colorMode: .never)
        defer { session.close() }
        #expect(session.colorDepth == .monochrome)
        var buffer = CellBuffer(width: 40, height: 6)
        buffer.write("hot", x: 0, y: 0, style: Style(foreground: .indexed(208), attributes: .bold))
        session.draw(buffer)
        let cell = try #require(session.screenCell(column: 0, row: 0))
        #expect(cell.attributes == .bold)
        #expect(cell.pair == 0)
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
        #expect(session.screenCell(column: 40, row: 12)?.character == "X")
        #expect(session.screenCell(column: 40, row: 12)?.foreground == 196)
    }

    @Test func aFrameOfAnotherSizeRepaintsEverything() throws {
        let session = try makeSession()
        defer { session.close() }
        session.draw(CellBuffer(width: 40, height: 6, filler: Cell("#")))
        var small = CellBuffer(width: 10, height: 2)
        small.write("small", x: 0, y: 0)
        session.draw(small)
        #expect(session.cellsWrittenLastFrame == 5)  // after erase, blank cells need no write
        #expect(session.screenLine(0) == "small" + String(repeating: " ", count: 35))
        #expect(session.screenLine(4) == String(repeating: " ", count: 40))

        var large = CellBuffer(width: 60, height: 10, filler: Cell("+"))
        large.write("漢", x: 39, y: 0)  // straddles the screen's right edge
        session.draw(large)
        #expect(session.screenLine(5) == String(repeating: "+", count: 40))
        #expect(session.screenCell(column: 39, row: 0)?.character == " ")
    }

    @Test func runningOutOfPairsRepaintsWithFreshIds() throws {
        // xterm: 8 colors, 64 pairs, so ids 1...63.
        let session = try makeSession(width: 64, height: 4, terminalType: "xterm")
        defer { session.close() }
        #expect(session.colorDepth == .ansi16)
        func frame(backgrounds: [UInt8]) -> CellBuffer {
            var buffer = CellBuffer(width: 64, height: 4)
            for (row, background) in backgrounds.enumerated() {
                for column in 0..<8 {
                    buffer[column, row] = Cell("x", style: Style(foreground: .indexed(UInt8(column)), background: .indexed(background)))
                }
            }
            return buffer
        }
        func expectColors(backgrounds: [Int32]) throws {
            for (row, background) in backgrounds.enumerated() {
                for column in 0..<8 {
                    let cell = try #require(session.screenCell(column: column, row: row))
                    #expect(cell.foreground == Int32(column) && cell.background == background)
                    #expect(cell.pair >= 1 && cell.pair <= 63)
                }
            }
        }
        // 32 pairs, then 32 more (64 > 63): the second frame overflows and starts the ids over.
        let first = frame(backgrounds: [0, 1, 2, 3])
        session.draw(first)
        let second = frame(backgrounds: [4, 5, 6, 7])
        session.draw(second)
        try expectColors(backgrounds: [4, 5, 6, 7])
        #expect(session.screenCell(column: 0, row: 0)?.pair == 1)
    }

    /// ncurses 6.4 sends each cursor movement in a write(2) of its own unless the screen was
    /// suspended and resumed once; over ssh that is a packet each. A datagram socket keeps every
    /// write apart, so the count of messages is the count of writes.
    @Test func sendsAFrameInOneWrite() throws {
        var sockets: [Int32] = [-1, -1]
        try #require(socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue), 0, &sockets) == 0)
        defer { Glibc.close(sockets[1]) }
        let output = try #require(fdopen(sockets[0], "w"))
        let session = try #require(TerminalSession(testingWidth: 120, height: 40, output: output))
        defer { session.close() }
        func writes() -> Int {
            var count = 0
            var message = [UInt8](repeating: 0, count: 65_536)
            while recv(sockets[1], &message, message.count, Int32(MSG_DONTWAIT)) > 0 { count += 1 }
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
        #expect(trimmed(session.screenLine(39)).hasSuffix("end"))
    }
}
