import CNcurses
import TerminalUI

extension TerminalSession {
    /// Waits up to `milliseconds` for a key, a mouse click or a resize.
    ///
    /// Returns early when a signal arrives, so a UI loop that calls this every frame notices
    /// `quitSignal` within one frame.
    /// - Parameter milliseconds: how long to wait; 0 polls, a negative value waits indefinitely.
    /// - Returns: the event, or nil on timeout, on a signal, and for keys and mouse reports the
    ///   dashboard does not use.
    public func nextEvent(timeout milliseconds: Int) -> InputEvent? {
        guard !isClosed else { return nil }
        _ = set_term(screen)
        wtimeout(window, Int32(clamping: milliseconds))
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case OK:
            return KeyDecoder.key(forCode: Int32(bitPattern: code), isKeyCode: false).map(InputEvent.key)
        case KEY_CODE_YES:
            return functionKeyEvent(Int32(bitPattern: code))
        default:
            return nil
        }
    }

    // MARK: - Private

    private func functionKeyEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            // ncurses has already resized its screen and would refresh it at the next read, over
            // the frame drawn in between; it refreshes now, and the next frame repaints it all.
            letNcursesRefresh()
            needsFullRedraw = true
            let (width, height) = size
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return KeyDecoder.mouseEvent(column: Int(report.x), row: Int(report.y), buttonState: report.bstate)
        default:
            return KeyDecoder.key(forCode: code, isKeyCode: true).map(InputEvent.key)
        }
    }
}
