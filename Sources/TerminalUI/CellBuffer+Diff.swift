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
                    // Most of a dashboard's rows are the same from one frame to the next: a row whose
                    // bytes are all the same holds the same cells (a cell is plain data).
                    if sameSize, let o = old.baseAddress, let n = new.baseAddress {
                        if Self.sameBytes(o + start, n + start, count: other.width) { continue }
                        for column in 0..<other.width where !Self.sameBytes(o + start + column, n + start + column, count: 1) {
                            let next = n[start + column]
                            if next.isContinuation || o[start + column] == next { continue }
                            result.append(CellChange(column: column, row: row, cell: next))
                        }
                        continue
                    }
                    for column in 0..<other.width where !new[start + column].isContinuation {
                        result.append(CellChange(column: column, row: row, cell: new[start + column]))
                    }
                }
            }
        }
        return result
    }

    /// Whether `count` cells at `a` and at `b` hold the same bytes, which means the same cells: a
    /// cell holds no reference. (Different bytes may still be equal cells, padding aside; callers
    /// compare those cell by cell.)
    private static func sameBytes(_ a: UnsafePointer<Cell>, _ b: UnsafePointer<Cell>, count: Int) -> Bool {
        let bytes = count * MemoryLayout<Cell>.stride
        let left = UnsafeRawPointer(a), right = UnsafeRawPointer(b)
        var offset = 0
        while offset + 8 <= bytes {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < bytes {
            if left.load(fromByteOffset: offset, as: UInt8.self) != right.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset += 1
        }
        return true
    }
}
