#define _GNU_SOURCE
#include "CProcessSupport.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int pooltop_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : errno;
}

/// Moves `*fd` above 3 (close-on-exec) if it is one of the targets 0–3, so that no dup2 of the
/// file actions can overwrite a source before it is used. Returns 0 or an errno value.
static int lift(int *fd, int *owned) {
    *owned = -1;
    if (*fd < 0 || *fd > 3) return 0;
    int copy = fcntl(*fd, F_DUPFD_CLOEXEC, 10);
    if (copy < 0) return errno;
    *fd = copy;
    *owned = copy;
    return 0;
}

static int add_target(posix_spawn_file_actions_t *actions, int source, int target) {
    return posix_spawn_file_actions_adddup2(actions, source, target);  // clears close-on-exec on target
}

int pooltop_spawn(const char *path, char *const argv[], int stdin_fd, int stdout_fd, int fd3, int stderr_fd,
                  pid_t *pid) {
    int owned[4] = {-1, -1, -1, -1};
    int rc = lift(&stdin_fd, &owned[0]);
    if (rc == 0) rc = lift(&stdout_fd, &owned[1]);
    if (rc == 0) rc = lift(&fd3, &owned[2]);
    if (rc == 0) rc = lift(&stderr_fd, &owned[3]);

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    if (rc == 0) rc = add_target(&actions, stdin_fd, 0);
    if (rc == 0) rc = add_target(&actions, stdout_fd, 1);
    if (rc == 0) {
        rc = stderr_fd >= 0 ? add_target(&actions, stderr_fd, 2)
                            : posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    }
    if (rc == 0 && fd3 >= 0) rc = add_target(&actions, fd3, 3);

    sigset_t defaults, empty;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGHUP);
    sigaddset(&defaults, SIGQUIT);
    sigemptyset(&empty);
    if (rc == 0) rc = posix_spawnattr_setsigdefault(&attributes, &defaults);
    if (rc == 0) rc = posix_spawnattr_setsigmask(&attributes, &empty);
    if (rc == 0) rc = posix_spawnattr_setpgroup(&attributes, 0);
    if (rc == 0) {
        rc = posix_spawnattr_setflags(&attributes,
                                      POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    }
    if (rc == 0) rc = posix_spawn(pid, path, &actions, &attributes, argv, environ);

    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 4; i++) {
        if (owned[i] >= 0) close(owned[i]);
    }
    return rc;
}

int pooltop_die_with_parent(pid_t expected_parent) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) return -1;
    return getppid() == expected_parent ? 0 : -1;
}

int pooltop_memfd_create(const char *name) {
    return memfd_create(name, MFD_CLOEXEC);
}

uint64_t pooltop_mutex_size(void) { return sizeof(pthread_mutex_t); }

int pooltop_robust_mutex_init(void *mutex) {
    pthread_mutexattr_t attributes;
    int rc = pthread_mutexattr_init(&attributes);
    if (rc != 0) return rc;
    rc = pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
    if (rc == 0) rc = pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
    if (rc == 0) rc = pthread_mutex_init((pthread_mutex_t *)mutex, &attributes);
    pthread_mutexattr_destroy(&attributes);
    return rc;
}

/// Turns EOWNERDEAD into a held, consistent mutex and a recovery report.
static int settle(pthread_mutex_t *mutex, int rc, int *recovered) {
    *recovered = 0;
    if (rc != EOWNERDEAD) return rc;
    *recovered = 1;
    return pthread_mutex_consistent(mutex);
}

int pooltop_robust_mutex_lock(void *mutex, int *recovered) {
    pthread_mutex_t *m = (pthread_mutex_t *)mutex;
    return settle(m, pthread_mutex_lock(m), recovered);
}

int pooltop_robust_mutex_trylock(void *mutex, int *recovered) {
    pthread_mutex_t *m = (pthread_mutex_t *)mutex;
    return settle(m, pthread_mutex_trylock(m), recovered);
}

int pooltop_robust_mutex_unlock(void *mutex) {
    return pthread_mutex_unlock((pthread_mutex_t *)mutex);
}

int pooltop_wait_ended_nowait(pid_t pid) {
    siginfo_t info;
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) != 0) {
        if (errno != EINTR) return errno;
    }
    return 0;
}

int pooltop_status_exited(int status) { return WIFEXITED(status) ? 1 : 0; }
int pooltop_status_exit_code(int status) { return WEXITSTATUS(status); }
int pooltop_status_signalled(int status) { return WIFSIGNALED(status) ? 1 : 0; }
int pooltop_status_signal(int status) { return WTERMSIG(status); }

int pooltop_open_fd_count(void) {
    DIR *directory = opendir("/proc/self/fd");
    if (directory == NULL) return -1;
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (entry->d_name[0] != '.') count++;
    }
    closedir(directory);
    return count - 1;
}

int pooltop_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int pooltop_epoll_watch(int epoll, int fd, uint64_t data) {
    struct epoll_event event = {.events = EPOLLIN, .data.u64 = data};
    return epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) == 0 ? 0 : errno;
}

int pooltop_epoll_unwatch(int epoll, int fd) {
    struct epoll_event event = {0};
    return epoll_ctl(epoll, EPOLL_CTL_DEL, fd, &event) == 0 ? 0 : errno;
}

int pooltop_epoll_wait(int epoll, uint64_t *ready, int capacity, int timeout_ms) {
    struct epoll_event events[64];
    if (capacity > 64) capacity = 64;
    int count = epoll_wait(epoll, events, capacity, timeout_ms);
    for (int i = 0; i < count; i++) ready[i] = events[i].data.u64;
    return count;
}
