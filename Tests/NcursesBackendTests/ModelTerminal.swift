import CNcurses
import Glibc
import TerminalUI
@testable import NcursesBackend

/// A screen rebuilt from the bytes sent to a terminal, to check what a frame shows rather than
/// how it was encoded. It follows the xterm-family control sequences ncurses and `FrameEncoder`
/// send (cursor addressing and movement, erasing, SGR attributes and colors, UTF-8 text with
/// wide and combining characters) and skips the modes it has no use for.
struct ModelTerminal {
    /// One cell of the model screen.
    struct Cell: Equatable {
        var character: Character = " "
        var attributes: TextAttributes = []
        /// The color number, -1 for the default.
        var foreground: Int32 = -1
        var background: Int32 = -1
        /// True for the right half of a wide character.
        var isContinuation = false
    }

    let width: Int
    let height: Int
    private(set) var cells: [Cell]
    private var row = 0
    private var column = 0
    private var pendingWrap = false
    private var pen = Cell()
    /// Control sequences the model did not understand (a test may want none).
    private(set) var unknownSequences: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: Cell(), count: width * height)
    }

    /// A model screen after `bytes`.
    init(width: Int, height: Int, replaying bytes: [UInt8]) {
        self.init(width: width, height: height)
        feed(bytes)
    }

    subscript(column: Int, row: Int) -> Cell {
        cells[row * width + column]
    }

    /// Row `row` as text, a wide character once, trailing spaces kept.
    func line(_ row: Int) -> String {
        String(cells[(row * width)..<((row + 1) * width)].filter { !$0.isContinuation }.map(\.character))
    }

    /// Applies `bytes` to the screen.
    mutating func feed(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x1B:
                index = escape(bytes, from: index + 1)
                continue
            case 0x0D: (column, pendingWrap) = (0, false)
            case 0x0A: lineFeed()
            case 0x08: (column, pendingWrap) = (max(column - 1, 0), false)
            case 0x00..<0x20, 0x7F: break  // BEL, SI, SO and the like
            default:
                let (scalar, length) = Self.decodeUTF8(bytes, at: index)
                put(scalar)
                index += length
                continue
            }
            index += 1
        }
    }

    // MARK: - Private

    private mutating func lineFeed() {
        pendingWrap = false
        if row == height - 1 {
            cells.removeFirst(width)
            cells += Array(repeating: Cell(), count: width)
        } else {
            row += 1
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        let scalarWidth = Int(pooltop_nc_wcwidth(wchar_t(bitPattern: scalar.value)))
        if scalarWidth == 0 {
            // A combining mark joins the character before the cursor.
            let target = max(column - (pendingWrap ? 0 : 1), 0)
            var previous = cells[row * width + target]
            var text = String(previous.character)
            text.unicodeScalars.append(scalar)
            previous.character = Character(text)
            cells[row * width + target] = previous
            return
        }
        let advance = scalarWidth == 2 ? 2 : 1
        if pendingWrap || column + advance > width {
            column = 0
            lineFeed()
        }
        // Writing over half of a wide character blanks its other half, as xterm does.
        let index = row * width + column
        if cells[index].isContinuation && column > 0 { blankHalf(at: index - 1) }
        let covered = index + advance  // the first cell after the new character
        if column + advance < width && cells[covered].isContinuation { blankHalf(at: covered) }
        var cell = pen
        cell.character = Character(scalar)
        cells[index] = cell
        if advance == 2 {
            var continuation = pen
            continuation.isContinuation = true
            cells[row * width + column + 1] = continuation
        }
        column += advance
        if column >= width {
            column = width - 1
            pendingWrap = true
        }
    }

    /// Leaves the half of a wide character at `index` a space, in its style.
    private mutating func blankHalf(at index: Int) {
        cells[index].character = " "
        cells[index].isContinuation = false
    }

    /// Handles the escape sequence after ESC at `start`; returns the index after it.
    private mutating func escape(_ bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count else { return start }
        switch bytes[start] {
        case UInt8(ascii: "["):
            var index = start + 1
            var parameters: [UInt8] = []
            while index < bytes.count, (0x20...0x3F).contains(bytes[index]) {
                parameters.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { return index }
            control(final: bytes[index], parameters: String(decoding: parameters, as: UTF8.self))
            return index + 1
        case UInt8(ascii: "]"):
            var index = start + 1
            while index < bytes.count, bytes[index] != 0x07, bytes[index] != 0x1B { index += 1 }
            return bytes.indices.contains(index) && bytes[index] == 0x1B ? index + 2 : index + 1
        case UInt8(ascii: "("), UInt8(ascii: ")"):
            return start + 2
        default:
            return start + 1  // ESC =, ESC >, ESC 7, ESC 8 ...
        }
    }

    private mutating func control(final: UInt8, parameters: String) {
        if parameters.hasPrefix("?") || parameters.hasPrefix(">") {
            return  // private modes: cursor visibility, mouse, the alternate screen
        }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func number(_ position: Int, default value: Int) -> Int {
            position < numbers.count ? numbers[position] ?? value : value
        }
        switch final {
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            row = min(max(number(0, default: 1) - 1, 0), height - 1)
            column = min(max(number(1, default: 1) - 1, 0), width - 1)
            pendingWrap = false
        case UInt8(ascii: "J"):
            let from = number(0, default: 0) == 2 ? 0 : row * width + column
            erase(from..<cells.count)
        case UInt8(ascii: "K"):
            erase((row * width + column)..<((row + 1) * width))
        case UInt8(ascii: "m"):
            select(numbers.map { $0 ?? 0 })
        case UInt8(ascii: "C"):
            column = min(column + number(0, default: 1), width - 1)
            pendingWrap = false
        case UInt8(ascii: "G"):
            column = min(max(number(0, default: 1) - 1, 0), width - 1)
            pendingWrap = false
        case UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "l"), UInt8(ascii: "h"):
            if final == UInt8(ascii: "r") { (row, column, pendingWrap) = (0, 0, false) }
        default:
            unknownSequences.append("CSI \(parameters) \(Character(Unicode.Scalar(final)))")
        }
    }

    /// Erases `range` to blanks in the current background (xterm's back color erase).
    private mutating func erase(_ range: Range<Int>) {
        let blank = Cell(background: pen.background)
        for index in range { cells[index] = blank }
    }

    /// Applies an SGR sequence's parameters to the pen.
    private mutating func select(_ codes: [Int]) {
        var index = 0
        while index < codes.count {
            let code = codes[index]
            switch code {
            case 0: pen = Cell()
            case 1: pen.attributes.insert(.bold)
            case 2: pen.attributes.insert(.dim)
            case 3: pen.attributes.insert(.italic)
            case 4: pen.attributes.insert(.underline)
            case 7: pen.attributes.insert(.reverse)
            case 10: break
            case 22: pen.attributes.subtract([.bold, .dim])
            case 23: pen.attributes.remove(.italic)
            case 24: pen.attributes.remove(.underline)
            case 27: pen.attributes.remove(.reverse)
            case 30...37: pen.foreground = Int32(code - 30)
            case 39: pen.foreground = -1
            case 40...47: pen.background = Int32(code - 40)
            case 49: pen.background = -1
            case 90...97: pen.foreground = Int32(code - 90 + 8)
            case 100...107: pen.background = Int32(code - 100 + 8)
            case 38, 48:
                if index + 2 < codes.count, codes[index + 1] == 5 {
                    if code == 38 { pen.foreground = Int32(codes[index + 2]) } else { pen.background = Int32(codes[index + 2]) }
                    index += 2
                } else {
                    unknownSequences.append("SGR \(codes)")
                }
            default:
                unknownSequences.append("SGR \(code)")
            }
            index += 1
        }
    }

    private static func decodeUTF8(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var decoder = UTF8()
        var iterator = bytes[index..<(index + length)].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return ("\u{FFFD}", 1)
    }
}
