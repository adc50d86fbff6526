#ifndef POOLTOP_CPOOLSUPPORT_H
#define POOLTOP_CPOOLSUPPORT_H

#include <stdint.h>

#include "CProcessSupport.h"

/// Nanoseconds on the monotonic clock.
uint64_t pooltop_monotonic_nanos(void);

/// CPU nanoseconds the calling thread has used.
uint64_t pooltop_thread_cpu_nanos(void);

/// CPU nanoseconds the whole process has used.
uint64_t pooltop_process_cpu_nanos(void);

/// Sleeps until the monotonic clock reads `deadline` nanoseconds (restarting after signals).
void pooltop_sleep_until(uint64_t deadline);

/// A hint to the CPU that this thread spins (x86 `pause`).
void pooltop_spin_pause(void);

/// Starts a detached OS thread with the given stack size that calls `body(context)`.
/// Returns 0 on success or an errno value.
int pooltop_thread_start(void (*body)(void *), void *context, uint64_t stack_bytes);

/// Names the calling thread (visible in top -H and gdb), at most 15 bytes.
void pooltop_thread_set_name(const char *name);

/// Sets the calling thread's timer slack to 1 µs (the default, 50 µs, makes every sleep late).
/// Threads started with `pooltop_thread_start` already have it.
void pooltop_use_fine_timer_slack(void);

/// Number of online CPUs, read again at most once a second.
int pooltop_cpu_count(void);

/// Bytes the C heap has handed out and not had back (glibc's mallinfo2: chunks in use plus
/// mmapped blocks): what the process's data holds, whatever the allocator keeps in reserve.
uint64_t pooltop_heap_in_use(void);

#endif
