/// One character position on the screen.
///
/// A wide character (display width 2) occupies its own cell and the cell to its right, which is
/// marked as a continuation and is skipped when the buffer is drawn or printed.
///
/// The character is stored as plain numbers — its first scalar and up to three more (combining
/// marks) packed into one word — so a cell is a trivial value: a 10,000-cell frame is copied,
/// compared and diffed without reference counting. Scalars past the fourth are dropped (a
/// terminal draws at most a base and a few combining marks in one cell anyway). The word comes
/// first, so the fields pack into 24 bytes a cell instead of 32 (Swift lays them out in order).
public struct Cell: Sendable, Hashable {
    /// Up to three further scalars, 21 bits each, the first in the low bits; 0 ends the list.
    public private(set) var marks: UInt64
    /// The first scalar of the character.
    public private(set) var base: Unicode.Scalar
    /// The colors and attributes of the cell.
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    /// Creates a cell; by default an empty one in the plain style.
    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        (base, marks) = Self.packed(character)
        self.style = style
        self.isContinuation = isContinuation
    }

    /// Creates a cell showing one scalar (no allocation: for widgets that draw glyph by glyph).
    public init(scalar: Unicode.Scalar, style: Style = .plain) {
        base = scalar
        marks = 0
        self.style = style
        isContinuation = false
    }

    /// An empty cell in the default style.
    public static let blank = Cell()

    /// The character shown; a space for an empty cell.
    public var character: Character {
        get {
            guard marks != 0 else { return Character(base) }
            var text = String(base)
            for scalar in extraScalars { text.unicodeScalars.append(scalar) }
            return Character(text)
        }
        set { (base, marks) = Self.packed(newValue) }
    }

    /// The scalars after the first, in order.
    public var extraScalars: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var rest = marks
        while rest != 0, let scalar = Unicode.Scalar(UInt32(rest & 0x1F_FFFF)) {
            result.append(scalar)
            rest >>= 21
        }
        return result
    }

    /// The first scalar of `character` and the next three packed.
    private static func packed(_ character: Character) -> (Unicode.Scalar, UInt64) {
        var scalars = character.unicodeScalars.makeIterator()
        let first = scalars.next() ?? " "
        var marks: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 63, let next = scalars.next() {
            marks |= UInt64(next.value) << shift
            shift += 21
        }
        return (first, marks)
    }
}
