#define _GNU_SOURCE 1

#include "CTerminalGuard.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

// MARK: - A pseudo-terminal between ncurses and the real terminal (--cast)

static volatile sig_atomic_t mirror_from = -1;
static volatile sig_atomic_t mirror_to = -1;
static struct sigaction previous_winch;
static volatile sig_atomic_t winch_installed = 0;

int pooltop_relay_open_pty(int *master, int *slave, int rows, int columns) {
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0) {
        return -1;
    }
    if (grantpt(m) != 0 || unlockpt(m) != 0) {
        close(m);
        return -1;
    }
    char name[128];
    if (ptsname_r(m, name, sizeof name) != 0) {
        close(m);
        return -1;
    }
    int s = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (s < 0) {
        close(m);
        return -1;
    }
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = (unsigned short)rows;
    size.ws_col = (unsigned short)columns;
    (void)ioctl(m, TIOCSWINSZ, &size);
    *master = m;
    *slave = s;
    return 0;
}

int pooltop_relay_input_mode(int fd) {
    struct termios modes;
    if (tcgetattr(fd, &modes) != 0) {
        return -1;
    }
    // What ncurses' cbreak(), noecho() and nonl() would do on its own terminal.
    modes.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    modes.c_iflag &= ~(tcflag_t)ICRNL;
    modes.c_cc[VMIN] = 1;
    modes.c_cc[VTIME] = 0;
    return tcsetattr(fd, TCSANOW, &modes);
}

static void winch_handler(int signal_number, siginfo_t *info, void *context) {
    int from = mirror_from, to = mirror_to;
    if (from >= 0 && to >= 0) {
        struct winsize size;
        if (ioctl(from, TIOCGWINSZ, &size) == 0) {
            (void)ioctl(to, TIOCSWINSZ, &size);
        }
    }
    struct sigaction previous = previous_winch;
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction != NULL) {
        previous.sa_sigaction(signal_number, info, context);
    } else if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal_number);
    }
}

int pooltop_relay_mirror_size(int from_fd, int to_fd) {
    struct winsize size;
    if (ioctl(from_fd, TIOCGWINSZ, &size) == 0) {
        (void)ioctl(to_fd, TIOCSWINSZ, &size);
    }
    mirror_from = from_fd;
    mirror_to = to_fd;
    if (winch_installed) {
        return 0;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = winch_handler;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGWINCH, &action, (struct sigaction *)&previous_winch) != 0) {
        return -1;
    }
    winch_installed = 1;
    return 0;
}

void pooltop_relay_stop_mirroring(void) {
    mirror_from = -1;
    mirror_to = -1;
    if (winch_installed) {
        (void)sigaction(SIGWINCH, (struct sigaction *)&previous_winch, NULL);
        winch_installed = 0;
    }
}
