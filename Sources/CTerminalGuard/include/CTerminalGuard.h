// Terminal restore that works when Swift code cannot run: crashes, quit signals, stray exit().
//
// All state lives here in C so that signal handlers never touch Swift globals. The handlers only
// call async-signal-safe functions (tcsetattr, write, sigaction, raise).
#ifndef POOLTOP_CTERMINALGUARD_H
#define POOLTOP_CTERMINALGUARD_H

/// Saves the terminal modes of `fd` (call before ncurses changes them), arms the guard and, once
/// per process, registers an atexit hook that restores the terminal if it is still armed.
/// Returns 0, or -1 when `fd` is not a terminal.
int pooltop_guard_save_terminal(int fd);

/// Installs handlers for SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGABRT and SIGFPE that restore the
/// terminal and then hand the signal to the handler that was there before (Swift's backtracer),
/// so the backtrace prints on a usable terminal. Idempotent.
void pooltop_guard_install_crash_handlers(void);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal; the UI loop
/// polls pooltop_guard_quit_signal() and shuts down on its own. Also records SIGCONT (the
/// process was stopped, Ctrl-Z, and resumed), after which the screen must be drawn again whole.
/// Idempotent.
void pooltop_guard_install_quit_signals(void);

/// The first quit signal received since the handlers were installed, or 0.
int pooltop_guard_quit_signal(void);

/// 1 when SIGCONT arrived since the last call, else 0; clears the record.
int pooltop_guard_take_continued(void);

/// Puts back every handler the two install functions replaced. Idempotent.
void pooltop_guard_remove_handlers(void);

/// Restores the saved terminal modes and writes the escape sequences that switch mouse reporting
/// off, reset attributes, show the cursor and leave the alternate screen. Does nothing unless
/// armed; disarms. Async-signal-safe and idempotent.
void pooltop_guard_restore_terminal(void);

/// While the screen is in use, sends standard error (when it is the terminal) to an anonymous
/// memory file instead, so stray messages cannot scribble over the screen. Restoring the terminal
/// (crash, atexit, or pooltop_guard_release_stderr) puts standard error back and replays what was
/// captured, so a fatalError message shows up above the backtrace. Returns 0, or -1 if stderr was
/// left alone (not a terminal, or no memory file).
int pooltop_guard_capture_stderr(void);

/// Puts standard error back and replays what was captured. Async-signal-safe and idempotent.
void pooltop_guard_release_stderr(void);

/// Disarms the guard without touching the terminal, after ncurses restored it itself (endwin).
void pooltop_guard_disarm(void);

/// Puts back the terminal modes saved by pooltop_guard_save_terminal, without writing anything,
/// and disarms the guard (used when ncurses drew into a pseudo-terminal and restored only that).
/// Returns 0, or -1 when nothing was saved.
int pooltop_guard_restore_modes(void);

// MARK: - A pseudo-terminal between ncurses and the real terminal (--cast)

/// Opens a pseudo-terminal of `rows`×`columns`; its two ends go to `master` and `slave`
/// (close-on-exec). Returns 0, or -1 with errno set.
int pooltop_relay_open_pty(int *master, int *slave, int rows, int columns);

/// Puts the terminal `fd` in the input modes ncurses gives its own terminal (no line editing, no
/// echo, CR not turned into NL), for a screen whose ncurses draws elsewhere. Returns 0 or -1.
int pooltop_relay_input_mode(int fd);

/// Copies the size of `from_fd` to `to_fd` now and on every SIGWINCH, before the handler that was
/// there (ncurses') runs, so ncurses reads the new size from its own terminal. Returns 0 or -1.
int pooltop_relay_mirror_size(int from_fd, int to_fd);

/// Stops copying sizes and puts the previous SIGWINCH handler back.
void pooltop_relay_stop_mirroring(void);

#endif
