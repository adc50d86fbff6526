#define _GNU_SOURCE 1

#include "CTerminalGuard.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// MARK: - State (touched by signal handlers, so plain C with sig_atomic_t flags)

static struct termios saved_modes;
static volatile sig_atomic_t saved_fd = -1;
static volatile sig_atomic_t armed = 0;
static volatile sig_atomic_t quit_signal = 0;
static int continued = 0;  // read and cleared with __atomic builtins
static volatile sig_atomic_t stderr_capture_fd = -1;
static volatile sig_atomic_t original_stderr_fd = -1;
static int atexit_registered = 0;

static const int crash_signals[] = { SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGABRT, SIGFPE };
static const int quit_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define CRASH_COUNT (sizeof crash_signals / sizeof crash_signals[0])
#define QUIT_COUNT (sizeof quit_signals / sizeof quit_signals[0])

static struct sigaction previous_crash[CRASH_COUNT];
static struct sigaction previous_quit[QUIT_COUNT];
static struct sigaction previous_continue;
static volatile sig_atomic_t crash_installed = 0;
static volatile sig_atomic_t quit_installed = 0;

static char alternate_stack[64 * 1024];

// Mouse reporting off (X10, button-event, SGR), keypad and cursor keys back to normal mode,
// attributes reset, cursor visible, normal screen; then start a fresh line.
static const char restore_sequence[] =
    "\033[?1000l\033[?1002l\033[?1006l\033[?1l\033>\033[0m\033[?25h\033[?1049l\r\n";

// MARK: - Standard error

int pooltop_guard_capture_stderr(void) {
    if (stderr_capture_fd >= 0 || !isatty(STDERR_FILENO)) {
        return -1;
    }
    int capture = memfd_create("pooltop-stderr", MFD_CLOEXEC);
    if (capture < 0) {
        return -1;
    }
    int original = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (original < 0 || dup2(capture, STDERR_FILENO) < 0) {
        close(capture);
        if (original >= 0) {
            close(original);
        }
        return -1;
    }
    original_stderr_fd = original;
    stderr_capture_fd = capture;
    return 0;
}

void pooltop_guard_release_stderr(void) {
    int capture = stderr_capture_fd;
    int original = original_stderr_fd;
    if (capture < 0 || original < 0) {
        return;
    }
    stderr_capture_fd = -1;
    original_stderr_fd = -1;
    (void)dup2(original, STDERR_FILENO);
    (void)close(original);
    char chunk[4096];
    off_t offset = 0;
    ssize_t count;
    while ((count = pread(capture, chunk, sizeof chunk, offset)) > 0) {
        offset += count;
        ssize_t written = 0;
        while (written < count) {
            ssize_t n = write(STDERR_FILENO, chunk + written, (size_t)(count - written));
            if (n <= 0) {
                break;
            }
            written += n;
        }
    }
    (void)close(capture);
}

// MARK: - Terminal

void pooltop_guard_restore_terminal(void) {
    if (!armed) {
        pooltop_guard_release_stderr();
        return;
    }
    armed = 0;
    int fd = saved_fd;
    if (fd < 0) {
        return;
    }
    (void)tcsetattr(fd, TCSANOW, &saved_modes);
    ssize_t unused = write(fd, restore_sequence, sizeof restore_sequence - 1);
    (void)unused;
    pooltop_guard_release_stderr();
}

void pooltop_guard_disarm(void) {
    armed = 0;
}

int pooltop_guard_restore_modes(void) {
    int fd = saved_fd;
    armed = 0;
    if (fd < 0) {
        return -1;
    }
    return tcsetattr(fd, TCSANOW, &saved_modes);
}

static void restore_at_exit(void) {
    pooltop_guard_restore_terminal();
}

int pooltop_guard_save_terminal(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) {
        return -1;
    }
    saved_fd = fd;
    armed = 1;
    if (!atexit_registered) {
        atexit_registered = 1;
        atexit(restore_at_exit);
    }
    return 0;
}

// MARK: - Crash signals

static int crash_index(int signal_number) {
    for (size_t i = 0; i < CRASH_COUNT; i++) {
        if (crash_signals[i] == signal_number) {
            return (int)i;
        }
    }
    return -1;
}

static void crash_handler(int signal_number, siginfo_t *info, void *context) {
    pooltop_guard_restore_terminal();
    int index = crash_index(signal_number);
    if (index < 0) {
        return;
    }
    // Put the previous handler back first, so a repeated fault goes straight to it.
    struct sigaction previous = previous_crash[index];
    (void)sigaction(signal_number, &previous, NULL);
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction != NULL) {
        previous.sa_sigaction(signal_number, info, context);
        return;
    }
    if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler != SIG_DFL
        && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal_number);
        return;
    }
    // No handler before ours: die by the signal the default way.
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    (void)sigaction(signal_number, &fallback, NULL);
    (void)raise(signal_number);
}

static void ensure_alternate_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) {
        return;
    }
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    (void)sigaltstack(&stack, NULL);
}

void pooltop_guard_install_crash_handlers(void) {
    if (crash_installed) {
        return;
    }
    ensure_alternate_stack();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = crash_handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < CRASH_COUNT; i++) {
        (void)sigaction(crash_signals[i], &action, &previous_crash[i]);
    }
    crash_installed = 1;
}

// MARK: - Quit signals

static void quit_handler(int signal_number) {
    if (quit_signal == 0) {
        quit_signal = signal_number;
    }
}

static void continue_handler(int signal_number) {
    (void)signal_number;
    __atomic_store_n(&continued, 1, __ATOMIC_RELAXED);
}

void pooltop_guard_install_quit_signals(void) {
    if (quit_installed) {
        return;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = quit_handler;
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns and the loop sees the flag
    sigemptyset(&action.sa_mask);
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t i = 0; i < QUIT_COUNT; i++) {
        (void)sigaction(quit_signals[i], &action, &previous_quit[i]);
        sigaddset(&unblock, quit_signals[i]);
    }
    // A parent may have started us with these blocked (a mask is inherited across exec; libdispatch
    // worker threads block them): unblocked, a SIGTERM reaches the loop instead of being lost.
    (void)pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    struct sigaction resumed;
    memset(&resumed, 0, sizeof resumed);
    resumed.sa_handler = continue_handler;
    resumed.sa_flags = SA_RESTART;
    sigemptyset(&resumed.sa_mask);
    (void)sigaction(SIGCONT, &resumed, &previous_continue);
    quit_installed = 1;
}

int pooltop_guard_quit_signal(void) {
    return quit_signal;
}

int pooltop_guard_take_continued(void) {
    return __atomic_exchange_n(&continued, 0, __ATOMIC_RELAXED);
}

void pooltop_guard_remove_handlers(void) {
    if (crash_installed) {
        for (size_t i = 0; i < CRASH_COUNT; i++) {
            (void)sigaction(crash_signals[i], &previous_crash[i], NULL);
        }
        crash_installed = 0;
    }
    if (quit_installed) {
        for (size_t i = 0; i < QUIT_COUNT; i++) {
            (void)sigaction(quit_signals[i], &previous_quit[i], NULL);
        }
        (void)sigaction(SIGCONT, &previous_continue, NULL);
        quit_installed = 0;
    }
}
