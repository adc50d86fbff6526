import CNcurses
import Glibc

/// The escape sequences a frame is written with, read once from the terminal's terminfo entry.
///
/// Absent capabilities are empty (or nil for the parameterized ones), so asking for something a
/// terminal cannot do writes nothing rather than something wrong.
struct TerminalCapabilities {
    /// Turns every attribute off (`sgr0`), colors too on the terminals this targets.
    var resetAttributes: [UInt8]
    /// Puts the default colors back (`op`).
    var resetColors: [UInt8]
    /// The sequence that turns on each `A_*` attribute bit (`bold`, `dim`, `rev`, `smul`, `sitm`).
    var attributeOn: [(bit: attr_t, sequence: [UInt8])]
    /// Clears the screen and homes the cursor (`clear`).
    var clearScreen: [UInt8]
    /// Moves the cursor to the top-left corner (`home`; empty when the terminal has none).
    var cursorHome: [UInt8]
    /// Moves the cursor to a row and column (`cup`, 0-based parameters).
    var cursorAddress: [CChar]?
    /// Sets the foreground to a color number (`setaf`).
    var setForeground: [CChar]?
    /// Sets the background to a color number (`setab`).
    var setBackground: [CChar]?
    /// Writing the last column wraps the cursor (`am`).
    var autoMargins: Bool
    /// ...but only when the next character comes (`xenl`), so the bottom-right cell is safe.
    var eatsNewlineGlitch: Bool
    /// The `A_*` attributes it cannot show together with colors (`ncv`: underline and dim on the
    /// Linux console); they are left out of a cell that has a color.
    var noColorVideo: attr_t = 0

    /// True when writing the bottom-right cell would scroll the screen.
    var scrollsAtBottomRight: Bool { autoMargins && !eatsNewlineGlitch }

    /// The capabilities of ncurses' current terminal (call after `newterm`/`set_term`).
    static func current() -> TerminalCapabilities {
        func string(_ name: String) -> [CChar]? {
            guard let value = pooltop_nc_string_capability(name) else { return nil }
            return Array(UnsafeBufferPointer(start: value, count: strlen(value) + 1))
        }
        func bytes(_ name: String) -> [UInt8] {
            withoutPadding(string(name).map { $0.dropLast().map { UInt8(bitPattern: $0) } } ?? [])
        }
        return TerminalCapabilities(
            resetAttributes: bytes("sgr0"),
            resetColors: bytes("op"),
            attributeOn: [
                (POOLTOP_A_BOLD, bytes("bold")), (POOLTOP_A_DIM, bytes("dim")), (POOLTOP_A_REVERSE, bytes("rev")),
                (POOLTOP_A_UNDERLINE, bytes("smul")), (POOLTOP_A_ITALIC, bytes("sitm")),
            ],
            clearScreen: bytes("clear"),
            cursorHome: bytes("home"),
            cursorAddress: string("cup"),
            setForeground: string("setaf"),
            setBackground: string("setab"),
            autoMargins: pooltop_nc_flag_capability("am") != 0,
            eatsNewlineGlitch: pooltop_nc_flag_capability("xenl") != 0,
            noColorVideo: pooltop_nc_no_color_video()
        )
    }

    /// `capability` with `parameters` substituted, as bytes; empty when it is absent.
    static func expand(_ capability: [CChar]?, _ first: Int32, _ second: Int32? = nil) -> [UInt8] {
        guard let capability else { return [] }
        let result = capability.withUnsafeBufferPointer { format in
            if let second { return pooltop_nc_tiparm2(format.baseAddress, first, second) }
            return pooltop_nc_tiparm1(format.baseAddress, first)
        }
        guard let result else { return [] }
        return withoutPadding(Array(UnsafeRawBufferPointer(start: result, count: strlen(result))))
    }

    /// `sequence` without its padding delays (`$<5>`, `$<50/>`): instructions for `tputs`, not
    /// for the terminal, and no terminal emulator needs them.
    static func withoutPadding(_ sequence: [UInt8]) -> [UInt8] {
        guard sequence.contains(UInt8(ascii: "$")) else { return sequence }
        var result: [UInt8] = []
        var index = 0
        while index < sequence.count {
            if sequence[index] == UInt8(ascii: "$"), index + 1 < sequence.count, sequence[index + 1] == UInt8(ascii: "<"),
               let end = sequence[(index + 2)...].firstIndex(of: UInt8(ascii: ">")),
               sequence[(index + 2)..<end].allSatisfy({ $0.isPaddingCharacter }) {
                index = end + 1
                continue
            }
            result.append(sequence[index])
            index += 1
        }
        return result
    }
}

private extension UInt8 {
    /// A character that may appear inside `$<...>`: digits, a decimal point, `*` and `/`.
    var isPaddingCharacter: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: ".") || self == UInt8(ascii: "*")
            || self == UInt8(ascii: "/")
    }
}
