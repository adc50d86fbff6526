import CNcurses
import CTerminalGuard
import Glibc
import TerminalUI

/// The terminal while the dashboard owns it: ncurses set up on standard input and output, plus
/// the guards that give the terminal back however the process ends.
///
/// Open one with `open(colorMode:)`, draw frames with `draw(_:)`, read input with
/// `nextEvent(timeout:)`, and end with `close()` (also called on deinit). A crash restores the
/// terminal through the C guard before Swift's backtrace prints; SIGINT, SIGTERM and SIGHUP only
/// set `quitSignal`, which the UI loop polls before closing the session itself.
///
/// - Warning: Not thread-safe, like ncurses itself. Create and use a session on one thread only
///   (the main thread), and keep only one open at a time.
public final class TerminalSession {
    /// The color depth frames are degraded to before drawing.
    public let colorDepth: ColorDepth

    /// The ncurses screen (`SCREEN *`) this session drives.
    let screen: OpaquePointer
    /// The screen's `stdscr`: keys are read through it; frames are written past it (`draw(_:)`).
    let window: UnsafeMutablePointer<WINDOW>
    /// True for a session on the real terminal, which owns the guard and the signal handlers.
    let ownsTerminal: Bool
    /// Streams opened for a testing session, closed with it.
    private let testingStreams: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)?
    /// Turns each frame's changed cells into bytes for the terminal (it keeps the terminal's
    /// color count and whether its default colors may be used).
    var encoder: FrameEncoder
    /// Where frames are written: the stream ncurses was given (the terminal, the `--cast`
    /// pseudo-terminal, or a testing session's file).
    let outputDescriptor: Int32
    /// The last frame drawn, for diffing; nil before the first frame.
    var previousFrame: CellBuffer?
    /// The screen size the last frame was drawn at.
    var previousScreenSize: (width: Int, height: Int) = (0, 0)
    /// How many cells the last `draw(_:)` wrote (for tests and diagnostics).
    var cellsWrittenLastFrame = 0
    /// Set by a resize so the next frame repaints everything.
    var needsFullRedraw = true
    /// True once `close()` ran.
    public private(set) var isClosed = false
    /// With `--cast`: the pseudo-terminal the screen is drawn into and the thread that copies it out.
    private var relay: CastRelay?

    // MARK: - Opening

    /// Takes over the terminal on standard input and output.
    ///
    /// Refuses, without touching the terminal, when either stream is not a terminal, `TERM` is
    /// unset, or ncurses does not know `TERM`; each error's description points to `pooltop run`.
    /// - Parameter colorMode: the `--color` choice; `NO_COLOR` is honored in `.auto`.
    /// - Returns: the open session, showing an empty screen.
    public static func open(colorMode: ColorMode = .auto, castPath: String? = nil) throws(TerminalSessionError) -> TerminalSession {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: .standardInput) }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: .standardOutput) }
        guard let type = getenv("TERM").map({ String(cString: $0) }), !type.isEmpty else {
            throw .terminalTypeUnset
        }
        TerminalLocale.prepare()
        _ = pooltop_guard_save_terminal(STDIN_FILENO)
        // Messages written to stderr while the screen is up are shown after it closes (or crashes).
        _ = pooltop_guard_capture_stderr()
        // Ours before newterm, so ncurses does not put its own exit(1) handlers on SIGINT/SIGTERM.
        pooltop_guard_install_quit_signals()
        pooltop_guard_install_crash_handlers()
        var relay: CastRelay?
        if let castPath {
            var size = winsize()
            let known = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
            do throws(TerminalSessionError) {
                relay = try CastRelay(path: castPath, width: known ? Int(size.ws_col) : 80, height: known ? Int(size.ws_row) : 24, term: type)
            } catch {
                Self.release()
                throw error
            }
            _ = pooltop_relay_input_mode(STDIN_FILENO)
        }
        let output = relay?.output ?? pooltop_nc_stdout()!  // C's stdout always exists
        guard let screen = newterm(nil, output, pooltop_nc_stdin()) else {
            relay?.finish()
            Self.release()
            throw .unknownTerminalType(type)
        }
        // After newterm: ncurses' SIGWINCH handler is there to be chained after the size is copied.
        if let relay { _ = pooltop_relay_mirror_size(STDOUT_FILENO, relay.slaveDescriptor) }
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let session = TerminalSession(screen: screen, output: output, ownsTerminal: true, testingStreams: nil) { colors in
            colorMode.colorDepth(terminalColors: colors, noColor: noColor)
        }
        session.relay = relay
        return session
    }

    /// Undoes what `open` set up before ncurses, when it fails: modes, stderr, signal handlers.
    private static func release() {
        _ = pooltop_guard_restore_modes()
        pooltop_guard_release_stderr()
        pooltop_guard_remove_handlers()
    }

    /// A session on a terminal that is not there: output goes to a temporary file and input
    /// comes from /dev/null, so drawing can be tested without a TTY. No guard, no signal handlers.
    /// - Parameters:
    ///   - width: the screen's columns.
    ///   - height: the screen's rows.
    ///   - terminalType: the terminfo entry to emulate.
    ///   - colorMode: as for `open(colorMode:)`; `NO_COLOR` is ignored.
    ///   - output: where the output goes instead of a temporary file; the session closes it.
    /// - Returns: nil when the terminfo entry is missing or the streams cannot be opened.
    convenience init?(testingWidth width: Int, height: Int, terminalType: String = "xterm-256color", colorMode: ColorMode = .auto,
                      output: UnsafeMutablePointer<FILE>? = nil) {
        TerminalLocale.prepare()
        guard let output = output ?? tmpfile() else { return nil }
        guard let input = fopen("/dev/null", "r") else {
            fclose(output)
            return nil
        }
        guard let screen = newterm(terminalType, output, input) else {
            fclose(output)
            fclose(input)
            return nil
        }
        _ = resizeterm(Int32(height), Int32(width))
        self.init(screen: screen, output: output, ownsTerminal: false, testingStreams: (output, input)) { colors in
            colorMode.colorDepth(terminalColors: colors, noColor: nil)
        }
    }

    private init(
        screen: OpaquePointer,
        output: UnsafeMutablePointer<FILE>,
        ownsTerminal: Bool,
        testingStreams: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)?,
        depthForColors: (Int) -> ColorDepth
    ) {
        _ = set_term(screen)
        let window = pooltop_nc_stdscr()!
        self.screen = screen
        self.window = window
        self.ownsTerminal = ownsTerminal
        self.testingStreams = testingStreams
        outputDescriptor = fileno(output)

        _ = cbreak()
        _ = noecho()
        nonl()
        _ = keypad(window, true)
        // No look at the keyboard in the middle of an update (a poll(2) every few lines): a frame
        // is small, and a key waits at most until it is drawn.
        _ = typeahead(-1)
        _ = leaveok(window, true)
        _ = curs_set(0)
        _ = pooltop_nc_set_escdelay(25)
        _ = mouseinterval(0)
        _ = mousemask(KeyDecoder.reportedMouseEvents, nil)

        let reportedColors = has_colors() ? Int(tigetnum("colors")) : 0
        var depth = depthForColors(reportedColors)
        var hasDefaultColors = false
        if depth != .monochrome {
            if start_color() == OK {
                hasDefaultColors = use_default_colors() == OK
            } else {
                depth = .monochrome
            }
        }
        colorDepth = depth
        encoder = FrameEncoder(
            capabilities: .current(), colorDepth: depth, terminalColors: depth == .monochrome ? 0 : Int(pooltop_nc_colors()),
            hasDefaultColors: hasDefaultColors
        )
        // Puts the screen up (alternate screen, modes, cleared) and leaves stdscr untouched, so
        // reading a key does not refresh it over the frames. From here on ncurses writes only on a
        // resize and when the session closes; frames are written by `draw(_:)`.
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    deinit {
        close()
    }

    // MARK: - State

    /// The output stream of a testing session, nil for the real terminal.
    var testingOutput: UnsafeMutablePointer<FILE>? { testingStreams?.output }

    /// The screen's current size in cells.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        pooltop_nc_getmaxyx(window, &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// The quit signal (SIGINT, SIGTERM or SIGHUP) received since the session opened, if any.
    /// The UI loop checks it every frame, closes the session and exits.
    public var quitSignal: Int32? {
        let signal = pooltop_guard_quit_signal()
        return signal == 0 ? nil : signal
    }

    // MARK: - Closing

    /// Gives the terminal back: leaves the alternate screen, restores the terminal modes and the
    /// cursor, puts back the signal handlers the session replaced, and prints what was written to
    /// standard error while the screen was up. Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = set_term(screen)
        _ = endwin()
        if relay != nil { pooltop_relay_stop_mirroring() }
        delscreen(screen)
        if let relay {
            relay.finish()  // the last bytes endwin wrote reach the terminal and the cast
            self.relay = nil
            _ = pooltop_guard_restore_modes()  // ncurses restored the pseudo-terminal, not ours
        }
        if ownsTerminal {
            pooltop_guard_disarm()
            pooltop_guard_release_stderr()
            pooltop_guard_remove_handlers()
        }
        if let streams = testingStreams {
            fclose(streams.output)
            fclose(streams.input)
        }
    }
}
