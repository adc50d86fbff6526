/// How many terminal columns a character takes: the one place display width is decided.
///
/// Follows the East Asian Width property for the ranges a dashboard meets (CJK, Hangul, full-width
/// forms, emoji) and treats combining marks and zero-width characters as 0. Everything else,
/// including the box-drawing, block and braille characters the widgets use, is 1.
public enum DisplayWidth {
    /// The number of columns `character` occupies (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.count > 1,
            character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F })
        {
            return 2
        }
        return of(scalar)
    }

    /// The number of columns `scalar` occupies (0, 1 or 2).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// The number of columns `text` occupies.
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.reduce(0) { $0 + ($1 >= 0x20 && $1 != 0x7F ? 1 : 0) } }
        // Text of scalars that are each a character of their own, one column wide (Latin-1 and
        // Latin Extended letters, punctuation, arrows, box drawing, blocks, braille: what the
        // panels draw) needs no walk by characters.
        var columns = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { continue }
            guard v < 0x300 || (v >= 0x2010 && v < 0x2028) || (v >= 0x2030 && v < 0x2060) || (v >= 0x2070 && v < 0x20D0)
                || (v >= 0x2100 && v < 0x2C00) else { return ofCharacters(text) }
            columns += 1
        }
        return columns
    }

    /// The width of `text` character by character (combining marks, emoji sequences, wide scripts).
    static func ofCharacters(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
