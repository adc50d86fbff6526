extension CellBuffer {
    /// The cells that differ between this buffer (what is on screen) and `other` (the next frame).
    ///
    /// Right halves of wide characters are never listed: writing the wide character covers them.
    /// When the sizes differ, every cell of `other` is listed, since nothing on screen can be reused.
    /// Changes come in row-major order, so a backend can write them as they come.
    /// - Parameter other: the frame to draw next.
    /// - Returns: the changes that turn this buffer's screen into `other`'s.
    public func changes(to other: CellBuffer) -> [CellChange] {
        var result: [CellChange] = []
        let sameSize = width == other.width && height == other.height
        cells.withUnsafeBufferPointer { old in
            other.cells.withUnsafeBufferPointer { new in
                for row in 0..<other.height {
                    let start = row * other.width
                    for column in 0..<other.width {
                        let next = new[start + column]
                        if next.isContinuation { continue }
                        if sameSize && old[start + column] == next { continue }
                        result.append(CellChange(column: column, row: row, cell: next))
                    }
                }
            }
        }
        return result
    }
}
