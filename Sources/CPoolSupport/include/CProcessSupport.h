#ifndef POOLTOP_CPROCESSSUPPORT_H
#define POOLTOP_CPROCESSSUPPORT_H

// Process mode: spawning worker processes, the robust process-shared mutex, and the wait-status
// macros, none of which Swift can reach directly (pipe2, prctl and memfd_create need _GNU_SOURCE,
// WIFSIGNALED and friends are macros).

#include <stdint.h>
#include <sys/types.h>

/// Creates a pipe whose both ends are close-on-exec. Returns 0 or an errno value.
int pooltop_pipe_cloexec(int fds[2]);

/// Starts `path` with `argv` (NULL-terminated) and the parent's environment, with `stdin_fd` as
/// its fd 0, `stdout_fd` as fd 1, `fd3` as fd 3 (-1 for none) and `stderr_fd` as fd 2 (-1 sends
/// stderr to /dev/null). Every other descriptor the parent opened close-on-exec stays behind.
/// The child gets its own process group, SIGPIPE/SIGINT/SIGTERM/SIGHUP/SIGQUIT reset to their
/// default action and an empty signal mask. Returns 0 (and the pid in `*pid`) or an errno value.
int pooltop_spawn(const char *path, char *const argv[], int stdin_fd, int stdout_fd, int fd3, int stderr_fd,
                  pid_t *pid);

/// For a child at start-up: asks the kernel to SIGKILL this process when the thread that spawned
/// it exits, then checks that the parent is still `expected_parent` (closing the race where the
/// parent died before the request). Returns 0, or -1 when the parent is already gone.
int pooltop_die_with_parent(pid_t expected_parent);

/// Creates an anonymous memory file (close-on-exec). Returns the fd or -1 (errno set).
int pooltop_memfd_create(const char *name);

/// Size in bytes of a `pthread_mutex_t` (the shared region reserves room for it).
uint64_t pooltop_mutex_size(void);

/// Initialises a process-shared, robust mutex at `mutex`. Returns 0 or an errno value.
int pooltop_robust_mutex_init(void *mutex);

/// Locks a robust mutex. When its previous owner died holding it (EOWNERDEAD) the mutex is made
/// consistent, `*recovered` is set to 1, and the lock is held. Returns 0 when held, else an errno
/// value (ENOTRECOVERABLE if someone unlocked it without making it consistent).
int pooltop_robust_mutex_lock(void *mutex, int *recovered);

/// As `pooltop_robust_mutex_lock`, but returns EBUSY at once when another owner holds it.
int pooltop_robust_mutex_trylock(void *mutex, int *recovered);

/// Unlocks a robust mutex. Returns 0 or an errno value.
int pooltop_robust_mutex_unlock(void *mutex);

/// Waits until child `pid` has ended without reaping it (waitid with WNOWAIT), so that another
/// thread may still signal it safely until it is reaped. Returns 0 or an errno value.
int pooltop_wait_ended_nowait(pid_t pid);

/// 1 when a wait status says the child exited normally.
int pooltop_status_exited(int status);
/// The exit code in a wait status for which `pooltop_status_exited` is 1.
int pooltop_status_exit_code(int status);
/// 1 when a wait status says a signal ended the child.
int pooltop_status_signalled(int status);
/// The signal in a wait status for which `pooltop_status_signalled` is 1.
int pooltop_status_signal(int status);

/// The number of open file descriptors of this process (entries of /proc/self/fd, not counting
/// the one used to list them), or -1.
int pooltop_open_fd_count(void);

/// Creates an epoll instance (close-on-exec). Returns its fd, or -1 (errno set).
int pooltop_epoll_create(void);

/// Watches `fd` for input (and hang-up) on epoll instance `epoll`, level-triggered; `data` comes
/// back from `pooltop_epoll_wait` when it is ready. Returns 0 or an errno value.
int pooltop_epoll_watch(int epoll, int fd, uint64_t data);

/// Stops watching `fd` on `epoll`. Returns 0 or an errno value.
int pooltop_epoll_unwatch(int epoll, int fd);

/// Waits up to `timeout_ms` (-1: no limit) for watched descriptors to be ready and writes the
/// `data` of up to `capacity` (at most 64) of them to `ready`. Returns how many, 0 on timeout, or
/// -1 (errno set, EINTR included). Swift never sees `struct epoll_event`, which is packed on x86-64.
int pooltop_epoll_wait(int epoll, uint64_t *ready, int capacity, int timeout_ms);

#endif
