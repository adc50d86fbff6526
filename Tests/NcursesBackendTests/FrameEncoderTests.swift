import CNcurses
import Testing
import TerminalUI
@testable import NcursesBackend

/// The bytes `FrameEncoder` writes, literally, with xterm-256color's sequences. In the drawing
/// suite because terminfo's `tiparm` shares one buffer: these must not run beside the sessions.
extension TerminalSessionDrawingTests {
    /// xterm-256color's entry, written out (`readsTheSequencesFromTerminfo` checks them).
    static let xterm = TerminalCapabilities(
        resetAttributes: Array("\u{1B}(B\u{1B}[m".utf8),
        resetColors: Array("\u{1B}[39;49m".utf8),
        attributeOn: [
            (POOLTOP_A_BOLD, Array("\u{1B}[1m".utf8)), (POOLTOP_A_DIM, Array("\u{1B}[2m".utf8)),
            (POOLTOP_A_REVERSE, Array("\u{1B}[7m".utf8)), (POOLTOP_A_UNDERLINE, Array("\u{1B}[4m".utf8)),
            (POOLTOP_A_ITALIC, Array("\u{1B}[3m".utf8)),
        ],
        clearScreen: Array("\u{1B}[H\u{1B}[2J".utf8),
        cursorHome: Array("\u{1B}[H".utf8),
        cursorAddress: Array("\u{1B}[%i%p1%d;%p2%dH".utf8CString),
        setForeground: Array("\u{1B}[%?%p1%{8}%<%t3%p1%d%e%p1%{16}%<%t9%p1%{8}%-%d%e38;5;%p1%d%;m".utf8CString),
        setBackground: Array("\u{1B}[%?%p1%{8}%<%t4%p1%d%e%p1%{16}%<%t10%p1%{8}%-%d%e48;5;%p1%d%;m".utf8CString),
        autoMargins: true,
        eatsNewlineGlitch: true
    )

    /// xterm's `sgr0` then `op`: the pen reset to no attributes and the default colors.
    static let reset = "\u{1B}(B\u{1B}[m\u{1B}[39;49m"

    private func makeEncoder(_ capabilities: TerminalCapabilities = Self.xterm) -> FrameEncoder {
        TerminalLocale.prepare()  // wide characters are measured with the locale's wcwidth
        return FrameEncoder(capabilities: capabilities, colorDepth: .palette256, terminalColors: 256, hasDefaultColors: true)
    }

    /// Encodes `changes` (cells of `buffer`) on a 10×3 screen and returns the bytes as text.
    private func encode(_ encoder: inout FrameEncoder, _ buffer: CellBuffer, _ cells: [(Int, Int)], clearing: Bool = false) -> String {
        let changes = cells.map { CellChange(column: $0.0, row: $0.1, cell: buffer[$0.0, $0.1]) }
        let frame = encoder.encode(changes, of: buffer, screen: (10, 3), clearingFirst: clearing)
        return String(decoding: frame.bytes, as: UTF8.self)
    }

    @Test func readsTheSequencesFromTerminfo() throws {
        let session = try makeSession()
        defer { session.close() }
        let read = TerminalCapabilities.current()
        let written = Self.xterm
        #expect(read.resetAttributes == written.resetAttributes && read.resetColors == written.resetColors)
        #expect(read.attributeOn.map(\.sequence) == written.attributeOn.map(\.sequence))
        #expect(read.clearScreen == written.clearScreen && read.cursorHome == written.cursorHome)
        #expect(read.cursorAddress == written.cursorAddress)
        #expect(read.setForeground == written.setForeground && read.setBackground == written.setBackground)
        #expect(read.autoMargins && read.eatsNewlineGlitch && !read.scrollsAtBottomRight)
        #expect(read.noColorVideo == 0, "xterm shows every attribute with colors")
    }

    /// The Linux console's `ncv#18`: underline and dim cannot go with colors, so a colored cell
    /// leaves them out (as ncurses did) and a cell in the default colors keeps them.
    @Test func attributesTheTerminalCannotShowWithColorsAreLeftOut() {
        var console = Self.xterm
        console.noColorVideo = POOLTOP_A_UNDERLINE | POOLTOP_A_DIM
        var encoder = makeEncoder(console)
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("a", x: 0, y: 0, style: Style(foreground: .indexed(2), attributes: [.bold, .underline, .dim]))
        buffer.write("b", x: 1, y: 0, style: Style(attributes: [.underline]))
        #expect(encode(&encoder, buffer, [(0, 0), (1, 0)]) == "\u{1B}[1;1H\(Self.reset)\u{1B}[1m\u{1B}[32ma\(Self.reset)\u{1B}[4mb\(Self.reset)\u{1B}[H")
    }

    @Test func aRunInOneStyleIsOneMoveAndOneColor() {
        var encoder = makeEncoder()
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("ab", x: 2, y: 1, style: Style(foreground: .indexed(1)))
        buffer.write("c", x: 4, y: 1, style: Style(foreground: .indexed(208), background: .indexed(9)))
        let text = encode(&encoder, buffer, [(2, 1), (3, 1), (4, 1)])
        // Unknown pen first: reset it. Then red, two cells, 208 on bright red, and back to
        // normal and home at the end.
        #expect(text == "\u{1B}[2;3H\u{1B}(B\u{1B}[m\u{1B}[39;49m\u{1B}[31mab\u{1B}[38;5;208m\u{1B}[101mc"
            + "\u{1B}(B\u{1B}[m\u{1B}[39;49m\u{1B}[H")
    }

    @Test func aFewUnchangedCellsInThePenAreWrittenAgainInsteadOfMoving() {
        var encoder = makeEncoder()
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("Xbc Y", x: 0, y: 0)
        buffer.write("1234567", x: 0, y: 2)
        _ = encode(&encoder, buffer, [(0, 0)])  // the pen and the cursor are known from here
        // Three cells between X and Y: written again. Six between 1 and 7: a move.
        #expect(encode(&encoder, buffer, [(0, 0), (4, 0), (0, 2), (6, 2)]) == "Xbc Y\u{1B}[3;1H1\u{1B}[3;7H7\u{1B}[H")
        // Not when they are in another style than the pen.
        buffer.write("bc", x: 1, y: 0, style: Style(attributes: .bold))
        _ = encode(&encoder, buffer, [(1, 0), (2, 0)])
        #expect(encode(&encoder, buffer, [(0, 0), (4, 0)]) == "X\u{1B}[1;5HY\u{1B}[H")
    }

    @Test func droppingAnAttributeOrAColorResetsThePen() {
        var encoder = makeEncoder()
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("a", x: 0, y: 0, style: Style(foreground: .indexed(2), attributes: [.bold, .underline]))
        buffer.write("b", x: 1, y: 0, style: Style(foreground: .indexed(2), attributes: .bold))
        buffer.write("c", x: 2, y: 0, style: Style(background: .indexed(4), attributes: .bold))
        let text = encode(&encoder, buffer, [(0, 0), (1, 0), (2, 0)])
        #expect(text == "\u{1B}[1;1H\(Self.reset)\u{1B}[1m\u{1B}[4m\u{1B}[32ma\(Self.reset)\u{1B}[1m\u{1B}[32mb\(Self.reset)\u{1B}[1m\u{1B}[44mc\(Self.reset)\u{1B}[H")
    }

    @Test func wideAndCombiningCharactersMoveTheCursorAsTheTerminalDoes() {
        var encoder = makeEncoder()
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("漢e\u{301}x", x: 0, y: 0)
        let text = encode(&encoder, buffer, [(0, 0), (2, 0), (3, 0)])
        #expect(text == "\u{1B}[1;1H\u{1B}(B\u{1B}[m\u{1B}[39;49m漢e\u{301}x\u{1B}[H")
    }

    /// Where the buffer's layout and the terminal's wcwidth part, the cursor must not drift: ◾
    /// (laid out narrow, wide to glibc) becomes a space; ⚠️ (laid out wide, its base narrow to
    /// glibc) gets its right cell blanked first and a cursor address after it; a skin tone (a
    /// scalar with columns of its own) is not sent after its emoji.
    @Test func charactersWhoseWidthTerminalsDisagreeOnDoNotMoveTheCursorUnexpectedly() {
        var encoder = makeEncoder()
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("a\u{25FE}b", x: 0, y: 0)
        #expect(encode(&encoder, buffer, [(0, 0), (1, 0), (2, 0)]) == "\u{1B}[1;1H\(Self.reset)a b\u{1B}[H")
        buffer.write("\u{26A0}\u{FE0F}z", x: 0, y: 1)
        #expect(buffer[1, 1].isContinuation)
        #expect(encode(&encoder, buffer, [(0, 1), (2, 1)])
            == "\u{1B}[2;2H \u{1B}[2;1H\u{26A0}\u{FE0F}\u{1B}[2;3Hz\u{1B}[H")
        buffer.write("\u{1F44D}\u{1F3FD}y", x: 0, y: 2)
        #expect(encode(&encoder, buffer, [(0, 2), (2, 2)]) == "\u{1B}[3;1H\u{1F44D}y\u{1B}[H")
    }

    /// Without default colors a blank cell is white on black, not the cleared screen's own
    /// background: after a clear it is written too, so the screen is not a patchwork.
    @Test func blankCellsAreWrittenAfterAClearWithoutDefaultColors() {
        TerminalLocale.prepare()
        var encoder = FrameEncoder(capabilities: Self.xterm, colorDepth: .palette256, terminalColors: 256, hasDefaultColors: false)
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("x", x: 0, y: 0)
        let changes = [CellChange(column: 0, row: 0, cell: buffer[0, 0]), CellChange(column: 1, row: 0, cell: buffer[1, 0])]
        #expect(encoder.encode(changes, of: buffer, screen: (10, 3), clearingFirst: true).cellsWritten == 2)
        var withDefaults = makeEncoder()
        #expect(withDefaults.encode(changes, of: buffer, screen: (10, 3), clearingFirst: true).cellsWritten == 1)
    }

    @Test func theBottomRightCellIsLeftAloneWhereWritingItWouldScroll() {
        var ansi = Self.xterm
        ansi.eatsNewlineGlitch = false
        var encoder = makeEncoder(ansi)
        let buffer = CellBuffer(width: 10, height: 3, filler: Cell("#"))
        let changes = [CellChange(column: 8, row: 2, cell: buffer[8, 2]), CellChange(column: 9, row: 2, cell: buffer[9, 2])]
        let frame = encoder.encode(changes, of: buffer, screen: (10, 3), clearingFirst: false)
        #expect(frame.cellsWritten == 1)
        #expect(String(decoding: frame.bytes, as: UTF8.self) == "\u{1B}[3;9H\u{1B}(B\u{1B}[m\u{1B}[39;49m#\u{1B}[H")
    }

    /// A terminal whose cursor addressing is not ANSI's gets terminfo's own, expanded by ncurses.
    @Test func otherCursorAddressingComesFromTerminfo() {
        var vt52 = Self.xterm
        vt52.cursorAddress = Array("\u{1B}Y%p1%' '%+%c%p2%' '%+%c".utf8CString)
        var encoder = makeEncoder(vt52)
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("x", x: 5, y: 2)
        #expect(encode(&encoder, buffer, [(5, 2)]) == "\u{1B}Y\"%\u{1B}(B\u{1B}[m\u{1B}[39;49mx\u{1B}[H")
    }

    @Test func aFrameWithNothingChangedSendsNothing() {
        var encoder = makeEncoder()
        let buffer = CellBuffer(width: 10, height: 3)
        #expect(encode(&encoder, buffer, []) == "")
        #expect(encode(&encoder, buffer, [], clearing: true) == "\u{1B}(B\u{1B}[m\u{1B}[39;49m\u{1B}[H\u{1B}[2J")
    }

    @Test func paddingDelaysAreNotSent() {
        func stripped(_ text: String) -> String {
            String(decoding: TerminalCapabilities.withoutPadding(Array(text.utf8)), as: UTF8.self)
        }
        #expect(stripped("\u{1B}[H\u{1B}[J$<50>") == "\u{1B}[H\u{1B}[J")
        #expect(stripped("\u{1B}[%i%p1%d;%p2%dH$<5/>x") == "\u{1B}[%i%p1%d;%p2%dHx")
        #expect(stripped("$5 and $<a>") == "$5 and $<a>")
    }
}

/// Frames of random text, colors and attributes, each drawn after the last, replayed on the model
/// terminal: what it shows must be the frame, cell for cell.
extension TerminalSessionDrawingTests {
    /// A small seeded generator, so a failure can be run again.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomFramesShowExactlyWhatWasDrawn(seed: UInt64) throws {
        let (width, height) = (48, 12)
        let session = try makeSession(width: width, height: height)
        defer { session.close() }
        var generator = SplitMix(state: seed)
        let texts = ["abc", "x", "漢字", "⣿⣀⡇", "▁▇█", "│─╮", "e\u{301}", "✓", "  ", "42 tasks/s"]
        let colors: [Color] = [.default, .indexed(1), .indexed(9), .indexed(208), .indexed(236), .indexed(15)]
        var buffer = CellBuffer(width: width, height: height)
        for frame in 0..<12 {
            for _ in 0..<(frame == 0 ? 80 : Int.random(in: 0...25, using: &generator)) {
                let style = Style(
                    foreground: colors.randomElement(using: &generator)!, background: colors.randomElement(using: &generator)!,
                    attributes: TextAttributes(rawValue: UInt8.random(in: 0...31, using: &generator)))
                buffer.write(texts.randomElement(using: &generator)!, x: Int.random(in: 0..<width, using: &generator),
                             y: Int.random(in: 0..<height, using: &generator), style: style)
            }
            session.draw(buffer)
            let shownScreen = screen(of: session)
            #expect(shownScreen.unknownSequences.isEmpty)
            for row in 0..<height {
                for column in 0..<width where !buffer[column, row].isContinuation {
                    let drawn = buffer[column, row], shown = shownScreen[column, row]
                    // A wide character whose right half was written over is drawn as a space.
                    let halved = pooltop_nc_wcwidth(wchar_t(bitPattern: drawn.base.value)) == 2
                        && !(column + 1 < width && buffer[column + 1, row].isContinuation)
                    let expected = ModelTerminal.Cell(
                        character: halved ? " " : drawn.character, attributes: drawn.style.attributes,
                        foreground: Self.number(drawn.style.foreground), background: Self.number(drawn.style.background))
                    #expect(shown == expected, "seed \(seed), frame \(frame), cell (\(column), \(row))")
                    if shown != expected { return }
                }
            }
        }
    }

    private static func number(_ color: Color) -> Int32 {
        if case .indexed(let index) = color { return Int32(index) }
        return -1
    }
}
