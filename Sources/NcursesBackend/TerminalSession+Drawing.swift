import CNcurses
import CTerminalGuard
import Glibc
import TerminalUI

extension TerminalSession {
    /// Copies `buffer` to the screen and shows it.
    ///
    /// The first frame, a frame of a new size, and the first frame after a resize or after the
    /// process was stopped and resumed (Ctrl-Z, `fg`) clear the screen and write every cell that
    /// is not blank; every other frame writes only the cells that changed since the last one.
    /// The bytes come from `FrameEncoder` (terminfo's sequences, kept once built) and go out in
    /// one write. Styles are degraded to `colorDepth`. Cells beyond the screen's edges are dropped.
    /// - Parameter buffer: the frame, usually the size of `size`.
    public func draw(_ buffer: CellBuffer) {
        guard !isClosed else { return }
        _ = set_term(screen)
        if pooltop_guard_take_continued() != 0 { needsFullRedraw = true }
        let screenSize = size
        let onScreen = previousFrame ?? Self.emptyFrame
        let sameShape = onScreen.width == buffer.width && onScreen.height == buffer.height
            && screenSize == previousScreenSize
        let repaint = needsFullRedraw || !sameShape
        let changes = (repaint ? Self.emptyFrame : onScreen).changes(to: buffer)
        let frame = encoder.encode(changes, of: buffer, screen: screenSize, clearingFirst: repaint)
        cellsWrittenLastFrame = frame.cellsWritten
        writeToTerminal(frame.bytes)
        previousFrame = buffer
        previousScreenSize = screenSize
        needsFullRedraw = false
    }

    /// Lets ncurses write what it has to after a resize, before the next frame repaints.
    func letNcursesRefresh() {
        _ = wnoutrefresh(window)
        _ = doupdate()
        encoder.forgetCursor()
    }

    // MARK: - Private

    private static let emptyFrame = CellBuffer(width: 0, height: 0)

    /// Writes all of `bytes`, waiting while the terminal cannot take more; gives up on an error
    /// (a terminal that went away), as ncurses did.
    private func writeToTerminal(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(outputDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if count > 0 {
                    offset += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else if count < 0 && errno == EAGAIN {
                    var ready = pollfd(fd: outputDescriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, 100)
                } else {
                    return
                }
            }
        }
    }
}
