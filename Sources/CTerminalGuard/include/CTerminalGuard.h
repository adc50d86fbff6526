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
/// polls pooltop_guard_quit_signal() and shuts down on its own. Idempotent.
void pooltop_guard_install_quit_signals(void);

/// The first quit signal received since the handlers were installed, or 0.
int pooltop_guard_quit_signal(void);

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

#endif
