/// The golden format for screen tests, after ratatui's `Debug for Buffer`.
///
/// The content comes first, one quoted line per row, then the style runs: a line
/// `x=<column>,y=<row>: <style>` for the first cell and for every cell whose style differs from the
/// cell before it (reading row by row, skipping the right halves of wide characters):
///
/// ```
/// "ab  "
/// "cd  "
/// x=0,y=0: fg=#ff0000 bg=default +bold
/// x=2,y=0: fg=default bg=default
/// ```
extension CellBuffer: CustomStringConvertible {
    /// The buffer in the golden format: quoted content lines, then style runs where the style changes.
    public var description: String {
        var text = ""
        text.reserveCapacity((width + 3) * height + 64)
        for row in 0..<height {
            text.append("\"")
            text.append(line(row))
            text.append("\"\n")
        }
        var previous: Style? = nil
        for row in 0..<height {
            for column in 0..<width {
                let cell = cells[row * width + column]
                if cell.isContinuation || cell.style == previous { continue }
                previous = cell.style
                text.append("x=\(column),y=\(row): \(cell.style)\n")
            }
        }
        return text
    }
}
