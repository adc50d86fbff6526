extension CellBuffer {
    /// Each row as text with SGR escape sequences for its colors and attributes, fitted to `depth`.
    ///
    /// Colors use `38;2;r;g;b` (24-bit), `38;5;n` (256 colors) or `30–37`/`90–97` (16 colors), and the
    /// background equivalents; monochrome emits attributes only. A sequence is emitted only where the
    /// style changes, and a row that set any style ends with a reset (`ESC[0m`). A row in the plain
    /// style has no escape sequences at all. This is what `pooltop render --ansi` prints.
    public func ansiLines(depth: ColorDepth) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for row in 0..<height {
            var text = ""
            text.reserveCapacity(width * 2)
            var current = Style.plain
            for column in 0..<width {
                let cell = cells[row * width + column]
                if cell.isContinuation { continue }
                let style = cell.style.degraded(to: depth)
                if style != current {
                    text.append(style.sgrSequence)
                    current = style
                }
                text.append(cell.character)
            }
            if current != .plain { text.append(Style.plain.sgrSequence) }
            lines.append(text)
        }
        return lines
    }

    /// The content as plain text: rows joined by newlines, trailing spaces trimmed from each row.
    public var plainText: String {
        var text = ""
        text.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            if row > 0 { text.append("\n") }
            var line = line(row)
            while line.last == " " { line.removeLast() }
            text.append(line)
        }
        return text
    }
}

extension Style {
    /// The escape sequence that resets the terminal and then sets this style (`ESC[0;1;38;5;196m`).
    ///
    /// The colors are written as they are; degrade the style first to fit a terminal.
    var sgrSequence: String {
        var text = "\u{1B}[0"
        for (attribute, code) in Style.attributeCodes where attributes.contains(attribute) {
            text.append(";")
            text.append(code)
        }
        Style.appendColor(foreground, base: 30, to: &text)
        Style.appendColor(background, base: 40, to: &text)
        text.append("m")
        return text
    }

    private static let attributeCodes: [(TextAttributes, String)] = [
        (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7"),
    ]

    /// Appends `;3x`, `;9x`, `;38;5;n` or `;38;2;r;g;b` (with `base` 30), or the background
    /// equivalents (with `base` 40); nothing for `.default`.
    private static func appendColor(_ color: Color, base: Int, to text: inout String) {
        switch color {
        case .default:
            return
        case .indexed(let index) where index < 8:
            text.append(";\(base + Int(index))")
        case .indexed(let index) where index < 16:
            text.append(";\(base + 60 + Int(index) - 8)")
        case .indexed(let index):
            text.append(";\(base + 8);5;\(index)")
        case .rgb(let red, let green, let blue):
            text.append(";\(base + 8);2;\(red);\(green);\(blue)")
        }
    }
}
