import CNcurses
import TerminalUI

extension TerminalSession {
    /// Copies `buffer` to the screen and shows it.
    ///
    /// The first frame, a frame of a new size and the first frame after a resize repaint the
    /// whole screen (`erase`, never `clear`, so nothing flickers); every other frame writes only
    /// the cells that changed since the last one. Styles are degraded to `colorDepth` here. Cells
    /// beyond the screen's edges are dropped.
    /// - Parameter buffer: the frame, usually the size of `size`.
    public func draw(_ buffer: CellBuffer) {
        guard !isClosed else { return }
        _ = set_term(screen)
        let screenSize = size
        let onScreen = previousFrame ?? Self.emptyFrame
        let sameShape = onScreen.width == buffer.width && onScreen.height == buffer.height
            && screenSize == previousScreenSize
        let repaint = needsFullRedraw || !sameShape
        let changes = (repaint ? Self.emptyFrame : onScreen).changes(to: buffer)
        if repaint { _ = werase(window) }
        cellsWrittenLastFrame = 0
        if !write(changes, of: buffer, on: screenSize, afterErase: repaint, overflowToDefault: false) {
            // Out of color pairs: start the pair ids over and repaint, so no cell keeps a stale id.
            pairCache.removeAll()
            lastStyle = nil
            _ = werase(window)
            cellsWrittenLastFrame = 0
            let all = Self.emptyFrame.changes(to: buffer)
            _ = write(all, of: buffer, on: screenSize, afterErase: true, overflowToDefault: true)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
        previousFrame = buffer
        previousScreenSize = screenSize
        needsFullRedraw = false
    }

    // MARK: - Private

    private static let emptyFrame = CellBuffer(width: 0, height: 0)

    /// Writes `changes` into the ncurses window.
    /// - Returns: false when the color pairs ran out before all changes were written (only when
    ///   `overflowToDefault` is false; otherwise such cells get the default colors).
    private func write(
        _ changes: [CellChange],
        of buffer: CellBuffer,
        on screenSize: (width: Int, height: Int),
        afterErase: Bool,
        overflowToDefault: Bool
    ) -> Bool {
        for change in changes where change.column < screenSize.width && change.row < screenSize.height {
            let cell = change.cell
            if afterErase && cell == .blank { continue }
            let pair: Int32
            let attributes: attr_t
            if let last = lastStyle, last.style == cell.style {
                (attributes, pair) = (last.attributes, last.pair)
            } else if let resolved = resolve(cell.style) {
                (attributes, pair) = resolved
                lastStyle = (cell.style, attributes, pair)
            } else if overflowToDefault {
                (attributes, pair) = (CursesStyle.attributes(for: cell.style.attributes), 0)
            } else {
                return false
            }
            let glyph = Self.glyph(for: cell, column: change.column, row: change.row, in: buffer, screenWidth: screenSize.width)
            // The bottom-right cell returns ERR although it is drawn; nothing else can fail here.
            _ = pooltop_nc_put_cell(
                window, Int32(change.row), Int32(change.column),
                glyph.0, glyph.1, glyph.2, glyph.3, attributes, pair
            )
            cellsWrittenLastFrame += 1
        }
        return true
    }

    /// The attributes and color pair for `style`, defining the pair on first use; nil when no
    /// pair id is left.
    private func resolve(_ style: Style) -> (attributes: attr_t, pair: Int32)? {
        let fitted = CursesStyle(style.degraded(to: colorDepth), terminalColors: terminalColors, hasDefaultColors: hasDefaultColors)
        guard colorDepth != .monochrome else { return (fitted.attributes, 0) }
        guard let assignment = pairCache.pair(foreground: fitted.foreground, background: fitted.background) else {
            return nil
        }
        if assignment.isNew {
            _ = init_extended_pair(assignment.id, fitted.foreground, fitted.background)
        }
        return (fitted.attributes, assignment.id)
    }

    /// The scalars to hand ncurses for `cell`: its first scalar plus up to three combining ones,
    /// zero-padded. Control characters, and characters ncurses would draw wider than the buffer
    /// laid them out (which would shift everything after them), become a space.
    private static func glyph(
        for cell: Cell, column: Int, row: Int, in buffer: CellBuffer, screenWidth: Int
    ) -> (wchar_t, wchar_t, wchar_t, wchar_t) {
        let space: (wchar_t, wchar_t, wchar_t, wchar_t) = (0x20, 0, 0, 0)
        let value = cell.base.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return space }
        if value >= 0x1100 {
            let width = pooltop_nc_wcwidth(wchar_t(bitPattern: value))
            let laidOutWide = buffer[column + 1, row].isContinuation && column + 1 < screenWidth
            if width < 0 || (width == 2 && !laidOutWide) { return space }
        }
        func mark(_ index: UInt64) -> wchar_t { wchar_t(truncatingIfNeeded: (cell.marks >> (21 * index)) & 0x1F_FFFF) }
        let second = mark(0), third = second == 0 ? 0 : mark(1), fourth = third == 0 ? 0 : mark(2)
        return (wchar_t(bitPattern: value), second, third, fourth)
    }
}
